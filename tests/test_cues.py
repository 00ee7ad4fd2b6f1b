"""Cue words (issue 16 §2): the phrase a teacher points at, owned by whoever judges. The
issue's own reproduction in a draft first, then each rule on invented sentences of its own
(none from the bench sets)."""
import yaml

from game.authoring import draft
from game.tools.bench_suggestions import INVENTED


def _drafted(tmp_path, name: str) -> dict[str, dict]:
    """The draft new-article writes for the article, statement by statement."""
    made = draft.make(INVENTED / "articles" / f"{name}.txt", tmp_path / f"{name}.yaml")
    draft.write(made)
    data = yaml.safe_load(made.text)
    return {s["text"]: s for s in data["statements"]}


def _cue(item) -> tuple[str, str]:
    return (item, "the writer") if isinstance(item, str) else (item["words"], item["by"])


def test_the_issues_reproduction_in_a_draft(tmp_path):
    """Issue 16: the principal's 'short-sighted mistake' and the critics' 'drastic' were
    missed while modal verbs were suggested."""
    statements = _drafted(tmp_path, "riverside-library")
    moore = statements["“This is a short-sighted mistake that will hurt the families who need "
                       "the library most,” said Angela Moore, the principal of Riverside "
                       "Elementary School."]
    assert moore["source"] == "Angela Moore"
    assert ("short-sighted mistake", "Angela Moore") in map(_cue, moore["cues"])
    assert not any("lementary" in words for words, _ in map(_cue, moore["cues"]))
    critics = statements["Critics argue the cuts are drastic and fall hardest on the poorest "
                         "neighborhoods."]
    assert critics["label"] == "opinion"
    cues = [_cue(c) for c in critics["cues"]]
    assert any(words == "drastic" and "critics" in by for words, by in cues), cues
