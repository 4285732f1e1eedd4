use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub label: AttrValue,
}

/// A visible, announced loading state.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{ &props.label }</span>
        </div>
    }
}
