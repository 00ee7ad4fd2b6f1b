"""The student's page of a class on their devices (issue 14), in real headless Chromium
(Debian's, driven by Playwright) against the real server, bridge and room on loopback: a
student joins, answers every kind of question by clicks and by keys alone, sees the reveal,
reloads and loses nothing, rides out the server going away, and is never sent the answer
before the reveal. One browser for the module; each test has its own room and pages.

Without Chromium these tests are skipped and say why; under CI (the env var CI, set by
.ci/run) they fail instead, as CI must run them."""
import json
import os
import re

import pytest

from devices import strings
from game.net.bridge import NOT_COUNTED, REMOVED
from game.quiz.room import LATE
from game.quiz.round import RoundSetup
from game.tools.loopback import CHROMIUM, Classroom, launch, one_of_each

PHONE = {"width": 360, "height": 640}
LAPTOP = {"width": 1280, "height": 800}
WAIT_MS = 15_000    # only ever reached when something is broken
SENT = "Answer sent — wait for the reveal"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, and CI must run the student page's tests", pytrace=False)
        pytest.skip(missing)
    from playwright.sync_api import expect, sync_playwright
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def made():
    return one_of_each()


@pytest.fixture
def classroom(made):
    """classroom(**setup) -> a Classroom of the five kinds of question, code ACDEF."""
    rooms = []

    def open_room(credit=None, **setup):
        questions, credit_of = made
        rooms.append(Classroom(questions, RoundSetup(count=5, **setup), credit or credit_of))
        return rooms[-1]
    yield open_room
    for room in rooms:
        room.close()


class Student:
    """A page in a browser context of its own (its own storage: another device), and every
    message its sockets received, in order."""

    def __init__(self, browser, classroom, viewport=PHONE, **context):
        self.context = browser.new_context(viewport=viewport, **context)
        self.page = self.context.new_page()
        self.page.set_default_timeout(WAIT_MS)
        self.classroom = classroom
        self.frames: list[dict] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("websocket", self._socket)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _console(self, message):
        # A CSP violation or a missing file is an error; a socket refused while the
        # server is away is Chromium's own log of what the page rides out.
        # A load refused while the server is away (a socket, a favicon) is the same.
        if message.type == "error" and not message.text.startswith("WebSocket connection") \
                and "net::ERR_CONNECTION_REFUSED" not in message.text:
            self.errors.append(message.text)

    def _socket(self, socket):
        socket.on("framereceived", lambda payload: self.frames.append(json.loads(payload)))

    def open(self, query="?code=ACDEF"):
        self.page.goto(self.classroom.address + "/" + query)
        return self

    def join(self, name):
        self.page.fill("#name", name)
        self.page.click("#join-button")
        return self

    def screen(self, name):
        """Waits until this screen is the one shown."""
        from playwright.sync_api import expect
        expect(self.page.locator(f"#{name}")).to_be_visible()
        return self.page.locator(f"#{name}")

    def text(self, selector) -> str:
        return self.page.locator(selector).inner_text()

    def token(self) -> str:
        return json.loads(self.page.evaluate("localStorage.getItem('byline.seat')"))["token"]

    def close(self):
        self.context.close()


@pytest.fixture
def students(browser):
    made = []

    def new(classroom, **kw):
        made.append(Student(browser, classroom, **kw))
        return made[-1]
    yield new
    for student in made:
        assert student.errors == [], student.errors
        student.close()


def expect(locator):
    from playwright.sync_api import expect as playwright_expect
    return playwright_expect(locator)


def expect_sent(page):
    """"Answer sent" is on screen (it is in the page, hidden, before that)."""
    expect(page.locator("#sent")).to_be_visible()
    expect(page.locator("#sent h2")).to_have_text(SENT)


# -- what the page must be, on every screen --------------------------------------------------

CONTRAST = """() => {
  // WCAG 2 relative luminance and contrast, of the colours Chromium computed.
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const e of document.querySelectorAll("body *")) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.checkVisibility() || e.closest(".visually-hidden")) continue;
    if (e.closest("button:disabled, [inert]")) continue;    // inactive: not held to AA
    const fg = lum(rgb(getComputedStyle(e).color)), bg = lum(background(e));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) failures.push(`${e.id || e.className || e.tagName}: ${ratio.toFixed(2)}`);
  }
  return failures;
}"""

LAYOUT = """() => {
  const small = [];
  for (const e of document.querySelectorAll("button, input")) {
    if (!e.checkVisibility()) continue;
    const box = e.getBoundingClientRect();
    if (box.height < 44) small.push(`${e.id || e.textContent}: ${box.height}`);
  }
  return {width: document.scrollingElement.scrollWidth, small};
}"""

LABELS = """() => [...document.querySelectorAll("button, input")]
  .filter((e) => e.checkVisibility())
  .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")
                 && !e.textContent.trim())
  .map((e) => e.outerHTML)"""


def check_screen(student: Student):
    """The rules every screen keeps: AA contrast, a label on every control, and at phone
    width nothing wider than the phone and every button big enough for a thumb."""
    page = student.page
    # The screen's short fade-in ends first, so the colours are the final ones. (Polled
    # from here: the page's own CSP forbids the eval that wait_for_function needs.)
    for _ in range(WAIT_MS // 20):
        if page.evaluate("document.getAnimations().every((a) => a.playState === 'finished')"):
            break
        page.wait_for_timeout(20)
    assert page.evaluate(CONTRAST) == []
    assert page.evaluate(LABELS) == []
    if page.viewport_size["width"] == PHONE["width"]:
        layout = page.evaluate(LAYOUT)
        assert layout["width"] <= PHONE["width"] and layout["small"] == [], layout


# -- joining ---------------------------------------------------------------------------------

def test_a_student_joins_with_the_code_from_the_boards_link_and_a_name(students, classroom):
    room = classroom()
    ana = students(room).open()
    page = ana.page
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.input_value("#code") == "ACDEF"
    for name, kind in (("page.js", "text/javascript"), ("page.css", "text/css"),
                       ("favicon.svg", "image/svg+xml")):
        response = page.request.get(f"{room.address}/{name}")
        assert response.ok and response.headers["content-type"].startswith(kind), name
    check_screen(ana)
    ana.join("Ana")
    waiting = ana.screen("waiting")
    expect(waiting).to_contain_text("1 player has joined")
    expect(page.locator("#who")).to_have_text("Ana")
    check_screen(ana)
    assert room.do(lambda r: r.names()) == ["Ana"]
    assert ana.frames[0]["type"] == "joined" and ana.frames[1]["type"] == "waiting"


def test_a_taken_name_or_a_wrong_code_is_told_in_a_sentence_and_the_name_is_kept(
        students, classroom):
    room = classroom()
    students(room).open().join("Ana").screen("waiting")
    bo = students(room).open("")
    page = bo.page
    page.fill("#code", "WRONG")
    bo.join("Bo")
    expect(page.locator("#join-error")).to_have_text(
        "That code is not this game's: check the code on the board.")
    assert page.input_value("#name") == "Bo"
    page.fill("#code", "acdef")
    bo.join("  aNA ")
    expect(page.locator("#join-error")).to_contain_text("Someone has already joined as aNA")
    assert page.input_value("#name") == "  aNA "
    assert page.get_attribute("#name", "aria-invalid") == "true"
    check_screen(bo)
    bo.join("Bo")
    bo.screen("waiting")
    assert room.do(lambda r: r.names()) == ["Ana", "Bo"]


# -- a round -----------------------------------------------------------------------------------

KEYS_OF_THE_KEY = {"right_answer", "explanation", "verdict", "points", "answer",
                   "cue_words", "your_answer"}


def pick(student, q, right: bool):
    """Answers question q on the page by clicks: its right choice or a wrong one."""
    page = student.page
    if q.skill == "opinion_words":
        indices = sorted(q.cue_words) if right else \
            [i for i in range(len(q.words)) if i not in q.cue_words][:1]
        for i in indices:
            page.click(f'#words button[data-index="{i}"]')
            expect(page.locator(f'#words button[data-index="{i}"]')).to_have_attribute(
                "aria-pressed", "true")
        page.click("#send-words")
        return
    wrong = next(i for i in range(len(q.choices)) if i != q.answer and i not in q.also)
    text = q.choices[q.answer if right else wrong]
    page.locator("#choices button").filter(has_text=text).click()


def test_every_kind_of_question_by_clicks_the_reveal_and_the_end_and_no_leak(
        students, classroom, made):
    questions, credit = made
    room = classroom()
    ana = students(room).open().join("Ana")
    other = students(room).open().join("Bo")        # one who never answers
    ana.screen("waiting")
    other.screen("waiting")
    page = ana.page
    room.act(lambda r: r.start())
    for n, q in enumerate(questions):
        ana.screen("asking")
        expect(page.locator("#position")).to_have_text(f"Question {n + 1} of 5")
        expect(page.locator("#prompt")).to_have_text(q.prompt)
        expect(page.locator("#credit")).to_have_text(credit(q))
        if q.skill == "opinion_words":
            assert page.locator("#words button").all_inner_texts() == q.word_texts()
            expect(page.locator("#choices")).to_be_hidden()
        else:
            if q.statement:
                expect(page.locator("#sentence")).to_have_text(q.text)
            assert page.locator("#choices button .text").all_inner_texts() == list(q.choices)
            expect(page.locator("#words")).to_be_hidden()
        if q.skill == "article_genre":     # answerable from the phone: the article is on it
            shown = room.do(lambda r: r.article_text(q))
            assert len(shown) > 3
            # As a browser lays text out: runs of spaces shown as one.
            assert [" ".join(t.split()) for t in page.locator("#article p").all_inner_texts()] \
                == [" ".join(p.split()) for p in shown]
        else:
            expect(page.locator("#article")).to_be_hidden()
        check_screen(ana)
        right = n % 2 == 0
        pick(ana, q, right)
        expect_sent(page)
        check_screen(ana)
        # Everything this device was sent up to here: no answer key, no explanation.
        for message in ana.frames + other.frames:
            assert not KEYS_OF_THE_KEY & set(message), message
            assert all(q.explanation not in text for text in strings(message))
        room.act(lambda r: r.reveal())
        ana.screen("result")
        word = "Right" if right else "Not quite" if q.skill != "opinion_words" else None
        verdict = page.locator("#verdict-word")
        if word:
            expect(verdict).to_have_text(word)
        else:
            expect(verdict).to_have_text(re.compile("^(Not quite|Partly right)$"))
        assert page.locator("#verdict-icon svg").count() == 1
        # A screen reader hears the verdict: the live region says it.
        expect(page.locator("#announce")).to_contain_text(page.locator("#verdict-word")
                                                          .inner_text())
        expect(page.locator("#right-answer")).not_to_be_empty()
        expect(page.locator("#explanation")).to_contain_text(q.explanation)
        expect(page.locator("#points")).to_contain_text("Place ")
        check_screen(ana)
        expect(other.page.locator("#verdict-word")).to_have_text("No answer")
        assert other.page.locator("#verdict-icon svg").count() == 1
        ana.frames.clear()
        other.frames.clear()
        room.act(lambda r: r.next())
    ana.screen("over")
    token = ana.token()
    score = room.do(lambda r: r.rejoin(token).state.score)
    assert score > 0
    expect(page.locator("#over-score")).to_have_text(f"Your score: {score}")
    expect(page.locator("#over-place")).to_have_text("Place 1 of 2")
    check_screen(ana)


def test_a_round_by_keys_alone_with_how_sure_on_a_laptop_in_dark_mode(
        students, classroom, made):
    questions, _ = made
    room = classroom(confidence=True)
    ana = students(room, viewport=LAPTOP, color_scheme="dark").open()
    page = ana.page
    # The code came from the link: the name's box has the focus; Enter joins.
    page.keyboard.type("Ana")
    page.keyboard.press("Enter")
    ana.screen("waiting")
    room.act(lambda r: r.start())
    ana.screen("asking")

    def sure_step(key):
        expect(page.locator("#sure")).to_be_visible()
        expect(page.locator("#sure-pick")).to_contain_text("Your answer: ")
        check_screen(ana)
        page.keyboard.press(key)
        expect_sent(page)

    def next_question(position):
        room.act(lambda r: r.reveal())
        ana.screen("result")
        room.act(lambda r: r.next())
        expect(page.locator("#position")).to_have_text(f"Question {position} of 5")

    # 1: the number keys.
    page.keyboard.press(str(questions[0].answer + 1))
    sure_step("1")
    check_screen(ana)
    # 2: Tab to a choice, Enter; Tab to "Fairly sure", Enter.
    next_question(2)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "answer"
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"      # the focus ring shows
    page.keyboard.press("Enter")
    expect(page.locator("#sure")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").endswith("Fairly sure")
    page.keyboard.press("Enter")
    expect_sent(page)
    # 3: the fourth choice by its key; 4: Tab to each word, Space or Enter picks it, Tab on
    # to Send.
    next_question(3)
    page.keyboard.press("4")
    sure_step("3")
    next_question(4)
    q = questions[3]
    cue = sorted(q.cue_words)
    page.keyboard.press("Tab")
    for i in range(len(q.words)):
        assert page.evaluate("document.activeElement.dataset.index") == str(i)
        if i in cue:
            page.keyboard.press("Enter" if i % 2 else " ")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "send-words"
    pressed = page.locator('#words [aria-pressed="true"]').all_inner_texts()
    assert pressed == [q.word_texts()[i] for i in cue]
    page.keyboard.press("Enter")
    sure_step("1")
    room.act(lambda r: r.reveal())
    expect(page.locator("#verdict-word")).to_have_text("Right")
    check_screen(ana)
    given = room.do(lambda r: [a.confidence for _, _, a in r.recorder.answers])
    assert given == ["sure", "fairly sure", "guessing", "sure"]


def test_how_sure_can_go_back_and_a_late_answer_is_told_why_on_the_question(
        students, classroom, made):
    questions, _ = made
    room = classroom(confidence=True, timer_seconds=30)
    ana = students(room).open().join("Ana")
    ana.screen("waiting")
    room.act(lambda r: r.start())
    page = ana.page
    expect(page.locator("#timer")).to_have_text(re.compile(r"^(30|29) s left$"))
    room.act(lambda r: r.tick(20))         # the server's count wins over the page's own
    expect(page.locator("#timer")).to_have_text(re.compile(r"^(10|9) s left$"))
    page.locator("#choices button").first.click()
    expect(page.locator("#sure")).to_be_visible()
    page.click("#sure-back")
    expect(page.locator("#choices")).to_be_visible()
    page.locator("#choices button").nth(1).click()
    expect(page.locator("#sure-pick")).to_have_text(
        "Your answer: " + page.locator("#choices button .text").nth(1).inner_text())
    # Time runs out on the server before this page hears of it: the answer is refused
    # and the page says why, on the question.
    room.do(lambda r: r.tick(11))
    page.locator("#sure-choices button").first.click()
    expect(page.locator("#notice")).to_have_text(NOT_COUNTED[LATE])
    expect(page.locator("#sent")).to_be_hidden()
    room.act(lambda r: None)               # the next second's broadcast: time is up
    expect(page.locator("#timer")).to_have_text("Time is up — wait for the reveal")
    assert page.locator("#sure-choices button").first.is_disabled()


# -- never lose ------------------------------------------------------------------------------

def test_a_reload_rejoins_the_same_seat_with_its_score_and_answer(students, classroom, made):
    questions, _ = made
    room = classroom()
    ana = students(room).open().join("Ana")
    ana.screen("waiting")
    token = ana.token()
    room.act(lambda r: r.start())
    ana.screen("asking")
    pick(ana, questions[0], right=True)
    expect_sent(ana.page)
    room.act(lambda r: r.reveal())
    expect(ana.page.locator("#verdict-word")).to_have_text("Right")
    score = ana.text("#points")
    room.act(lambda r: r.next())
    ana.screen("asking")
    pick(ana, questions[1], right=True)
    expect_sent(ana.page)

    ana.page.reload()
    ana.screen("asking")
    expect_sent(ana.page)                      # answered: no buttons again
    expect(ana.page.locator("#choices")).to_be_hidden()
    expect(ana.page.locator("#who")).to_have_text("Ana")
    assert ana.token() == token
    assert room.do(lambda r: r.names()) == ["Ana"]
    ana.page.reload()                                          # on the reveal
    room.act(lambda r: r.reveal())
    expect(ana.page.locator("#verdict-word")).to_have_text("Right")
    first = int(score.split(" · ")[1].removeprefix("Score "))
    assert int(ana.text("#points").split(" · ")[1].removeprefix("Score ")) > first


def test_the_page_reconnects_by_itself_when_the_server_goes_and_comes_back(
        students, classroom):
    room = classroom()
    ana = students(room).open().join("Ana")
    ana.screen("waiting")
    room.stop_server()
    expect(ana.page.locator("#connection")).to_have_text("Reconnecting…")
    room.act(lambda r: r.start())          # the round goes on while the device is away
    room.start_server()
    expect(ana.page.locator("#connection")).to_be_hidden()
    ana.screen("asking")
    assert room.do(lambda r: r.names()) == ["Ana"]
    # A socket the network cuts (not the server) reconnects too.
    for client in room.bridge.clients():
        room.bridge.loop.call_soon_threadsafe(client.close)
    ana.screen("asking")
    expect(ana.page.locator("#connection")).to_be_hidden()
    ana.page.locator("#choices button").first.click()
    expect_sent(ana.page)


def test_a_removed_device_is_told_and_cannot_join_again_under_another_name(
        students, classroom):
    room = classroom()
    ana = students(room).open().join("Ana")
    ana.screen("waiting")
    room.act(lambda r: r.kick("Ana"))
    ana.screen("join")
    expect(ana.page.locator("#join-error")).to_have_text(REMOVED)
    ana.join("Anna")
    expect(ana.page.locator("#join-error")).to_have_text(REMOVED)
    ana.page.reload()                      # a new page keeps the old token and sends it
    ana.screen("join")
    ana.join("Annie")
    expect(ana.page.locator("#join-error")).to_have_text(REMOVED)
    assert room.do(lambda r: r.names()) == []


# -- hostile text, layout, motion ------------------------------------------------------------

def test_server_text_is_shown_as_text_never_as_html(students, classroom):
    hostile = "<img src=x onerror=alert(1)>"
    room = classroom(credit=lambda q: f"{hostile} · The Outlet")
    ana = students(room).open().join("<svg onload=alert()>")
    ana.screen("waiting")
    room.act(lambda r: r.start())
    ana.screen("asking")
    expect(ana.page.locator("#who")).to_have_text("<svg onload=alert()>")
    expect(ana.page.locator("#credit")).to_have_text(f"{hostile} · The Outlet")
    assert ana.page.locator("img").count() == 0
    assert ana.page.locator("svg").count() == 0
    ana.page.wait_for_timeout(100)
    assert ana.dialogs == []


def test_larger_text_and_reduced_motion_are_respected(students, classroom, made):
    questions, _ = made
    room = classroom()
    ana = students(room, reduced_motion="reduce").open().join("Ana Maria Fernández")
    ana.screen("waiting")
    room.act(lambda r: r.start())
    for _ in range(3):                     # on to "spot the opinion words", long and wide
        room.act(lambda r: (r.reveal(), r.next()))
    ana.screen("asking")
    expect(ana.page.locator("#words")).to_be_visible()
    animation = "getComputedStyle(document.getElementById('asking')).animationName"
    assert ana.page.evaluate(animation) == "none"
    # The browser's text size at 200%: everything grows, nothing is cut off or too wide.
    ana.page.evaluate("document.documentElement.style.fontSize = '200%'")
    check_screen(ana)
    clipped = ana.page.evaluate("""() => [...document.querySelectorAll('button, p, h1')]
        .filter((e) => e.checkVisibility() && !e.closest('.visually-hidden'))
        .filter((e) => e.scrollHeight > e.clientHeight + 1)
        .map((e) => e.id || e.textContent)""")
    assert clipped == []
    moving = students(room).open()
    assert moving.page.evaluate(animation.replace("asking", "join")) == "appear"


def test_a_phone_plays_the_projectors_own_game_end_to_end(students):
    """The page against the game as the teacher runs it (the window's loop, its keys): join,
    the teacher starts, the phone answers, the projector counts it, the teacher reveals, the
    phone shows its verdict, and the answer is in the results."""
    import time

    import pygame

    from game.scenes.lobby import open_lobby
    from pilot import key, new_app

    app = new_app(bind="127.0.0.1", seed=3)

    def until(condition):
        deadline = time.monotonic() + WAIT_MS / 1000
        while not condition():
            assert time.monotonic() < deadline, "timed out"
            app.step()
            time.sleep(0.01)
    try:
        assert open_lobby(app, RoundSetup(count=5, seed=3))
        ana = students(app.host).open(f"?code={app.host.room.code}").join("Ana")
        until(lambda: app.host.room.names() == ["Ana"])
        key(app, pygame.K_RETURN)                       # the teacher starts
        until(lambda: ana.page.locator("#asking").is_visible())
        if ana.page.locator("#picker").is_visible():    # spot the opinion words
            ana.page.locator("#words button").first.click()
            ana.page.click("#send-words")
        else:
            ana.page.locator("#choices button").first.click()
        until(lambda: app.scene.status() == "All 1 answered")
        expect_sent(ana.page)
        key(app, pygame.K_RETURN)                       # the teacher reveals
        until(lambda: ana.page.locator("#result").is_visible())
        verdict = app.host.room.view(next(iter(app.host.room.students))).verdict
        expect(ana.page.locator("#verdict-word")).to_have_text(verdict)
        rounds = app.results.rounds()
        assert [(r.player, r.mode, r.answers) for r in rounds] == [("Ana", "devices", 1)]
    finally:
        app.close_host()
