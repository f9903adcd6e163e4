"""Write the question set with accents removed from the questions (and history), as users often type.

    python3 eval/make_no_accents.py ../shared/eval/dev.jsonl > eval/dev-no-accents.jsonl

The expectations stay as they are: the scorer compares answers without regard to accents.
"""

import json
import sys
import unicodedata


def strip(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    item = json.loads(line)
    item["id"] += "-na"
    item["question"] = strip(item["question"])
    for turn in item.get("history", []):
        turn["content"] = strip(turn["content"])
    print(json.dumps(item, ensure_ascii=False))
