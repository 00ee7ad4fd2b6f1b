"""Byline: a quiz game for telling reported fact from opinion and finding the source."""
