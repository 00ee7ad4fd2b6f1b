"""Byline's entry point: `python run.py --help` lists the commands."""
import os
import sys

from game.cli import main

if __name__ == "__main__":
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # `run.py validate | head`: the reader has all it wanted; not an error to show.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141      # as a program stopped by SIGPIPE would
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
