"""Quick check of a draft question file before the real validator exists:
every text must be an exact substring of the article, every cue of its text."""
import sys, yaml
path, article = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(path, encoding="utf-8"))
body = open(article, encoding="utf-8").read()
ok = True
ids = set()
for s in doc["statements"]:
    if s["id"] in ids:
        print("duplicate id", s["id"]); ok = False
    ids.add(s["id"])
    if s["text"] not in body:
        print("NOT IN ARTICLE:", s["id"], repr(s["text"][:80])); ok = False
    for c in s.get("cues") or []:
        if c not in s["text"]:
            print("CUE NOT IN TEXT:", s["id"], repr(c)); ok = False
    if s["label"] == "opinion" and not s.get("cues"):
        print("opinion without cues:", s["id"]); ok = False
print(len(doc["statements"]), "statements", "OK" if ok else "PROBLEMS")
