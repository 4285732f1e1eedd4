"""CI-only: a site generator's archive, read independently of the viewer,
against what the viewer built from it.

    python3 tests/corpus/check-generator.py KIND CORPUS_DIR SITE_DIR

KIND is hugo, astro or eleventy. This reader knows each generator's own
convention (Hugo castanet's TOML with `podcast_file` under
`params.media_prefix`; an Astro collection's `pubDate` and `audio`;
eleventy-plugin-podcaster's `epN` file names matched to its episode data
under `episodeUrlBase`) and derives each episode's audio URL and date.
The built site must agree: every episode in index.json and in the feed
(read by feedparser, as podcast apps read it) with that audio and that
date, and no template syntax in any page (what the search engine indexes)
or the feed.
Prints "N passed, N failed".
"""
import json
import pathlib
import re
import sys
import tomllib
import urllib.parse

import feedparser
import yaml

kind, corpus, site = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])


def quote(url):
    return urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def split(text):
    """Front matter as a dict, whatever its fences."""
    fence = "+++" if text.startswith("+++") else "---"
    header = re.match(rf"{re.escape(fence)}\r?\n(.*?)\r?\n{re.escape(fence)}\s*$", text, re.S | re.M)[1]
    return tomllib.loads(header) if fence == "+++" else yaml.safe_load(header)


def hugo():
    config = tomllib.loads((corpus / "config.toml").read_text())
    prefix = config["params"]["media_prefix"]
    for post in sorted((corpus / "content" / "episode").glob("*.md")):
        if post.name.startswith("_"):
            continue
        fm = split(post.read_text())
        date = next(v for k, v in fm.items() if k.lower() == "date")
        yield fm["title"], quote(prefix + fm["podcast_file"]), str(date)[:10]


def astro():
    for post in sorted((corpus / "src" / "content" / "podcast").glob("*.md")):
        fm = split(post.read_text())
        yield fm["title"], quote(fm["audio"]), str(fm["pubDate"])[:10]


def eleventy():
    podcast = json.loads((corpus / "src" / "_data" / "podcast.json").read_text())
    data = json.loads((corpus / "src" / "cachedEpisodeData.json").read_text())
    for post in sorted((corpus / "src" / "episode-posts").glob("*.md")):
        fm = split(post.read_text())
        number = int(re.match(r"\d{4}-\d\d-\d\d-ep(\d+)", post.name).group(1))
        audio = next(f for f in data if re.findall(r"\d+", f)[0] == str(number))
        yield fm["title"], quote(podcast["episodeUrlBase"] + audio), post.name[:10]


expected = list({"hugo": hugo, "astro": astro, "eleventy": eleventy}[kind]())
head = json.loads((site / "index.json").read_text())
episodes = head["episodes"] + [e for p in head.get("parts", []) for e in json.loads((site / p).read_text())]
by_title = {e["title"]: e for e in episodes}
feed = feedparser.parse(str(site / "feed.xml"))
items = {e.get("title"): e for e in feed.entries}
base = head["site"]["url"].rstrip("/") + "/"

checks = [
    (len(expected) > 0, f"{kind}: episodes found in the corpus"),
    (len(episodes) == len(expected), f"{len(episodes)} indexed for {len(expected)} files"),
    (not feed.bozo, f"feed well-formed ({feed.get('bozo_exception')})"),
    (len(feed.entries) == len(expected), f"{len(feed.entries)} feed items for {len(expected)} files"),
]
for title, audio, date in expected:
    title = " ".join(title.split())
    e = by_title.get(title)
    checks.append((e is not None, f"{title}: indexed"))
    if e is None:
        continue
    checks.append((e.get("audio") == audio, f"{title}: index audio {e.get('audio')} == {audio}"))
    checks.append((e["date"] == date, f"{title}: index date {e['date']} == {date}"))
    item = items.get(title)
    checks.append((item is not None, f"{title}: in the feed"))
    if item is None:
        continue
    hrefs = [x.get("href") for x in item.get("enclosures", [])]
    checks.append((hrefs == [audio], f"{title}: enclosure {hrefs} == {audio}"))
    # The pubDate's own day is the author's date (RFC 2822, author's offset).
    day = re.match(r"\w{3}, (\d\d) (\w{3}) (\d{4})", item.get("published", ""))
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    got = day and f"{day[3]}-{months.index(day[2]) + 1:02d}-{day[1]}"
    checks.append((got == date, f"{title}: pubDate {item.get('published')} is {date}"))
    checks.append((item.get("id", "").startswith(base + "episodes/"), f"{title}: guid {item.get('id')}"))

templates = re.compile(r"\{\{|\{%|%7B%7B|%7B%25|\{\{<|>\}\}|%\}\}", re.I)
outputs = [site / "feed.xml", site / "index.json", site / "index.html"]
outputs += sorted(site.glob("episodes/*/index.html")) + sorted(site.glob("notes/*"))
for out in outputs:
    text = out.read_text(encoding="utf-8")
    found = templates.search(text)
    checks.append((found is None, f"{out.relative_to(site)}: no template syntax ({found and text[max(0, found.start() - 40):found.end() + 40]!r})"))

failed = [what for ok, what in checks if not ok]
for what in failed:
    print("FAIL", what)
print(f"{kind}: {len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
