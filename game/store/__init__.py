"""What Byline keeps between runs: settings now, players' results later."""
