// The preview page's script (the page the build writes at preview/): the
// app draws the site's frame, and this the tool beside it.
import { startPreview } from './markdown-client.js';

startPreview(document.getElementById('viewer-preview'));
