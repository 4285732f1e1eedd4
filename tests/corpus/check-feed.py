"""CI-only: a built feed, read by feedparser as podcast apps read it.

    python3 tests/corpus/check-feed.py FEED_XML POSTS_DIR

No parse problem (bozo), one entry per numbered episode, each with an
enclosure, a date and a stable id. Prints "N passed, N failed".
"""
import pathlib
import re
import sys

import feedparser

feed_path, posts_dir = sys.argv[1], pathlib.Path(sys.argv[2])
numbered = 0
for post in list(posts_dir.rglob("*.md")) + list(posts_dir.rglob("*.markdown")):
    head = post.read_text(encoding="utf-8").split("---")[1]
    if re.search(r"^(episode|number):\s*\S", head, re.M):
        numbered += 1

feed = feedparser.parse(feed_path)
checks = [(not feed.bozo, f"well-formed ({feed.get('bozo_exception')})"), (len(feed.entries) == numbered, f"{len(feed.entries)} entries for {numbered} episodes")]
for e in feed.entries:
    checks.append((bool(e.get("enclosures")), f"{e.get('title')}: enclosure"))
    checks.append((bool(e.get("published_parsed")), f"{e.get('title')}: date"))
    checks.append((bool(e.get("id")), f"{e.get('title')}: guid"))
failed = [what for ok, what in checks if not ok]
for what in failed:
    print("FAIL", what)
print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
