"""`python -m game`: the same commands as run.py and `byline`."""
import sys

from game.cli import run

if __name__ == "__main__":
    sys.exit(run(prog="python -m game"))
