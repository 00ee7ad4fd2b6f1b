"""The quiz engine: plain Python, no pygame. Everything a player can win or lose is decided here."""
