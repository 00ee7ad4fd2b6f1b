"""Tools that help a teacher write and move question files: nothing here is used while
the game plays."""
