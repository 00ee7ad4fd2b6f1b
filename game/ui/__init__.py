"""Widgets, theme and text rendering for the scenes."""
