"""20,000 random key, mouse and resize events across every screen: nothing may raise, and
the rendered text held stays within its budget whatever sizes the window went through."""
import pygame

from game.tools.monkey import monkey


def test_monkey(tmp_path):
    seen = set()
    for _, app in monkey(tmp_path):
        seen.add(type(app.scene).__name__)
        assert app.size()[0] >= 960 and app.size()[1] >= 540
        assert app.text.cached_bytes() <= app.text.budget_now()
    pygame.quit()
    every = {"TitleScene", "NameScene", "SetupScene", "HowToScene", "SettingsScene", "QuestionScene",
             "FeedbackScene", "ResultsScene", "ReviewScene", "ContextScene", "ModeScene",
             "PlayersScene", "HandoverScene", "RevealScene", "ProgressScene",
             "ClassResultsScene"}
    assert every <= seen, every - seen
