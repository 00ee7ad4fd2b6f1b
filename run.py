"""Byline's entry point: `python run.py --help` lists the commands (as `byline` and
`python -m game` do once installed)."""
import sys

from game.cli import run

if __name__ == "__main__":
    sys.exit(run())
