"""Byline: a quiz game for telling reported fact from opinion and finding the source."""
import os

# pygame prints a banner on import; a command-line tool should not.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
