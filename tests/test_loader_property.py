"""Whatever bytes a teacher's editor produces, the loader reports problems; it never crashes."""
import copy
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.bank.errors import BankError
from game.bank.models import FileResult
from game.bank.reading import parse
from game.bank.schema import ARTICLE, QUESTION, STATEMENT, TOP

PATH = Path("random.yaml")
KEYS = st.sampled_from(sorted({*TOP, *ARTICLE, *STATEMENT, *QUESTION, "explaination"}))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["fact", "opinion", "author", "1"]))
DOCS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=6)), max_leaves=30)


def _only_problems(result: FileResult) -> None:
    assert isinstance(result, FileResult)
    assert all(isinstance(e, BankError) and e.line >= 1 and e.column >= 1 for e in result.errors)
    if result.errors:
        return
    assert result.article is not None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_only_give_problems(data):
    _only_problems(parse(PATH, data))


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_random_text_only_gives_problems(text):
    _only_problems(parse(PATH, text.encode("utf-8")))


@settings(max_examples=300)
@given(DOCS)
def test_random_yaml_structures_only_give_problems(doc):
    _only_problems(parse(PATH, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")))


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["article:", "  id: x", "statements:", "  - id: s",
                                 "    text: \"a", "    cues: [", "\t", "- ", ": ", "!!python/name:os.system",
                                 "&a [1]", "*a", "{", "}", "'", "#", "    label: opinion"]),
                max_size=20))
def test_random_yaml_fragments_only_give_problems(lines):
    _only_problems(parse(PATH, "\n".join(lines).encode("utf-8")))


def test_deep_nesting_is_a_problem_not_a_crash():
    result = parse(PATH, b"[" * 50_000)
    assert result.errors


GOOD = yaml.safe_load((Path(__file__).parent / "data" / "good.yaml").read_text(encoding="utf-8"))


@settings(max_examples=300)
@given(st.sampled_from(["article", "statements", "questions"]), st.integers(0, 1), KEYS, DOCS)
def test_one_field_of_a_good_file_set_to_anything_only_gives_problems(part, index, key, value):
    doc = copy.deepcopy(GOOD)
    target = doc[part] if part == "article" else doc[part][min(index, len(doc[part]) - 1)]
    target[key] = value
    _only_problems(parse(PATH, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")))
