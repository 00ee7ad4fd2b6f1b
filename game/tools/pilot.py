"""A scripted player's hands on the real app: keys, typed text, clicks on what a scene shows
(found by its id: Scene.widgets) or at a point, the wheel, drags, resizes, and frames
stepped with a chosen dt, never by sleeping. The tests and autoplay both play through it, so
they say what a player does, not how a scene keeps its buttons."""
import pygame

STEP = 1 / 60


def run_frames(app, frames: int = 1, dt: float = STEP) -> None:
    """Frames with whatever events are queued: time passes, the screen is drawn."""
    for _ in range(frames):
        app.step(pygame.event.get(), dt)


def key(app, k: int, mod: int = 0, frames: int = 1) -> None:
    _post_key(k, mod)
    run_frames(app, frames)


def type_text(app, text: str) -> None:
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    run_frames(app)


def compose(app, text: str) -> None:
    """What an input method shows while a character is being composed (Japanese, Chinese,
    a dead key); type_text then gives what it commits."""
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text=text, start=len(text),
                                         length=0))
    run_frames(app)


def move(app, pos) -> None:
    """The pointer moves to pos, no button held; SDL reports the same when a window or a
    screen appears under a pointer at rest there."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    run_frames(app)


def widget(app, id) -> pygame.Rect:
    """Where the widget called id is on the scene on top, in window coordinates."""
    shown = app.scene.widgets()
    if id not in shown:
        raise LookupError(f"{type(app.scene).__name__} shows no widget {id!r}; "
                          f"it shows {list(shown)}")
    # Scenes draw below the warning strip and know only their own area.
    return shown[id].move(0, app.strip_height())


def click_on(app, id) -> None:
    """Click the middle of the widget called id."""
    click(app, widget(app, id).center)


def click(app, pos) -> None:
    _post_click(pos)
    run_frames(app)


def wheel(app, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
    run_frames(app)


def drag(app, start, dy: int) -> None:
    """Press, move by dy with the button held, release."""
    x, y = start
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y + dy), rel=(0, dy),
                                         buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(x, y + dy)))
    run_frames(app)


def resize(app, size) -> None:
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                         size=size))
    run_frames(app)


def focus_row(app, form_key) -> None:
    """Move the focus of the form on screen to the row called form_key, by Tab (arrows keep
    to a column)."""
    form = app.scene.form
    for _ in range(len(form.rows) + 1):
        if form.focus >= 0 and form.rows[form.focus].key == form_key:
            return
        key(app, pygame.K_TAB)
    raise AssertionError(f"no row {form_key!r}")


def start_round(app) -> None:
    """From the title: Play, one player, the name offered: a round of the saved setup."""
    for _ in range(3):
        key(app, pygame.K_RETURN)


def right_answer(question):
    """What a player gives who knows: the right choice, or the judgment words."""
    return question.cue_words if question.skill == "opinion_words" else question.answer


def wrong_answer(question):
    """What a player gives who does not: the next choice, or no words at all."""
    if question.skill == "opinion_words":
        return frozenset()
    return (question.answer + 1) % len(question.choices)


def answer(app, right: bool = True, given=None, by: str = "keys") -> None:
    """Answer the question on screen, all in one frame: given (a choice's index, or the
    words picked), or else the right or a wrong answer. By "keys" (1–9; or arrows, Space
    and Enter) or by "mouse" (the choice, the words and Done, clicked by their ids)."""
    scene = app.scene
    q = scene.question
    if given is None:
        given = right_answer(q) if right else wrong_answer(q)
    if q.choices:
        if by == "keys":
            _post_key(pygame.K_1 + given)
        else:
            _post_click(widget(app, q.choices[given]).center)
    else:
        toggle = sorted(set(given) ^ set(scene.selected))
        if by == "keys":
            focus = scene.word_focus
            for i in toggle:
                for _ in range((i - focus) % len(q.words)):
                    _post_key(pygame.K_RIGHT)
                _post_key(pygame.K_SPACE)
                focus = i
            _post_key(pygame.K_RETURN)
        else:
            for i in toggle:
                _post_click(widget(app, ("word", i)).center)
            _post_click(widget(app, "Done").center)
    run_frames(app)


def _post_key(k: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""))


def _post_click(pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
