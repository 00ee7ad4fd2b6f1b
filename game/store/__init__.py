"""What Byline keeps between runs: settings, players' results, and the teacher's report
read from them."""
