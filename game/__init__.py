"""Byline: a quiz game for telling reported fact from opinion and finding the source.

Data flows one way, and each folder owns one step:

    questions/*.yaml -> game.bank   checked articles and statements (no pygame, no SQLite)
                     -> game.quiz   questions, rounds, their flow and scoring (no pygame)
                     -> game.scenes draw the flow; keys and clicks become its calls
                        (game.net, to come: the same calls from students' browsers)
                     -> game.store  every answer as it is given, settings, the report

game.ui holds what scenes draw with; game.authoring the teachers' tools (new-article,
import and export, the JSON Schema); game.tools the developers' (benches, shots, autoplay)."""
import os

# The one place the version is written: pyproject.toml reads it from here (setuptools'
# dynamic version), the title screen shows it and `byline --version` prints it.
__version__ = "0.2.0"

# pygame prints a banner on import; a command-line tool should not.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
