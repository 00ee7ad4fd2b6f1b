import os
import sys
from pathlib import Path

import pytest

# Before anything imports pygame: no window, no sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"
# The texts of the shipped bank's articles sit beside the checkout, not in it: a clone from
# a public repository has none. The tests marked `articles` read them.
ARTICLES = ROOT.parent / "shared" / "articles"
NO_ARTICLES = "../shared/articles is not beside this checkout"


def pytest_configure(config):
    config.addinivalue_line("markers", "articles: reads the article texts in ../shared/articles "
                                       "(skipped without them, failed without them under CI)")


def pytest_report_header(config):
    if not ARTICLES.is_dir():
        return f"{NO_ARTICLES}: the tests that read the article texts " + \
            ("fail (CI is set)" if os.environ.get("CI") else "skip")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    """CI has the articles, so there a missing folder is a failure, never a quiet skip."""
    if item.get_closest_marker("articles") is None or ARTICLES.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{NO_ARTICLES}, and CI must run the tests that read it", pytrace=False)
    pytest.skip(NO_ARTICLES)
