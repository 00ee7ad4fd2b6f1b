"""The classroom network's load bench (game.tools.bench --net) at a class of five: the real
App runs a whole round on the projector's screens, the bench prints every figure, and every
answer the students sent is in the results file. Its timings are not checked: they are the
bench's to report, not a test's."""
import json
import subprocess
import sys

from game.store.results import Results

from conftest import ROOT

FIGURES = ("answer_ms_p50", "answer_ms_p95", "answer_ms_max", "reveal_ms", "frame_ms_p95",
           "frame_ms_max", "frame_cpu_ms_p95", "step_ms_p95", "frame_ratio", "commit_ms_p50",
           "commit_ms_p95", "start_frame_ms", "reveal_frame_ms", "rss_before_mb", "peak_rss_mb",
           "growth_mb")


def test_the_net_bench_runs_a_class_through_a_round_and_every_answer_is_recorded(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "game.tools.bench", "--net", "--sizes", "5", "--think", "0.2",
         "--data", str(tmp_path), "--json"], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    *table, last = done.stdout.strip().splitlines()
    out = json.loads(last)
    five = out["sizes"]["5"]
    assert {k: five[k] for k in FIGURES if not isinstance(five[k], (int, float))} == {}
    assert five["answers"] == five["recorded"] == five["expected"] == 5 * out["questions"]
    assert (five["results_missing"], five["refused"], five["failed"]) == (0, 0, [])
    assert out["baseline"]["frame_ms_p95"] > 0
    printed = "\n".join(table)
    for words in ("answer", "reveal", "frame", "step", "commit", "Enter", "RSS MB", "25/25",
                  "answer_ms_p95", "reveal_ms", "frame_ms_p95", "peak_rss_mb", "the App's"):
        assert words in printed
    assert "NOTE" not in printed

    rows = Results(tmp_path / "class of 5", read_only=True).answer_rows()
    assert len(rows) == 25 and {r["mode"] for r in rows} == {"devices"}
    assert sorted({r["player"] for r in rows}) == [f"Student {i}" for i in range(1, 6)]
