"""Developers' tools, apart from the game: the benches (start-up, frames and memory;
question generation; new-article's suggestions), screenshots of every screen, a scripted
player (autoplay), the monkey test, and the pilot autoplay and the tests play with. Nothing
the game runs imports them; run.py reaches shots and autoplay as commands."""
