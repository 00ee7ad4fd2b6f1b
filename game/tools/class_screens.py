"""The projector's screens of a class on their devices, built without a network: a room
with students joined and some answers in, served by a Host that is never opened (the
address is the one it would show). For the screenshots, the benchmark and the tests that
look at every screen."""
from game.net.host import Host
from game.quiz.room import Room, articles, credits
from game.quiz.round import RoundSetup

# Long names, names typed with an input method, and enough of them to fill rows.
NAMES = ["Zoë O'Brien, Jr.", "王小明", "Ana", "Sam", "さくら", "김민준", "Mateo García-López",
         "Aisha", "Noah", "Emma", "Liam", "Olivia", "Lucas", "Mia", "Ethan", "Sofia", "Jonas",
         "Lea", "Yusuf", "Chloé", "Nikolai", "Priya", "Tomás", "Hana", "Kwame", "Ingrid",
         "Diego", "Fatima"]
ADDRESS = "192.168.1.23"


def class_host(app, questions, students: int = len(NAMES), timer: int | None = 30) -> Host:
    """A room of these questions with students joined, in its lobby; set as the app's
    host."""
    setup = RoundSetup(count=max(5, len(questions)), timer_seconds=timer)
    room = Room(questions, setup, app.results, code="HK4AM",
                article_credit=credits(app.loaded.bank), article_text=articles(app.loaded.bank))
    for name in NAMES[:students]:
        room.join(room.code, name)
    host = Host(room, bind=ADDRESS, port=8123)
    app.host = host
    return host


def answer_some(host, share: float = 2 / 3) -> None:
    """A share of the students answer the question on screen, choices taken in turn."""
    room = host.room
    q = room.questions[room.position]
    tokens = list(room.students)
    for i, token in enumerate(tokens[:round(len(tokens) * share)]):
        view = room.view(token)
        reply = sorted(q.cue_words)[: 1 + i % 2] if q.skill == "opinion_words" \
            else view.choices[(i * 7) % len(view.choices)].id
        room.answer(token, reply)


def screens(app, questions, timer: int | None = None) -> dict:
    """Screen name -> a function building the scenes to stack on the title; timer: the
    question's seconds (a timed question moves until its time is up)."""
    from game.scenes.lobby import LobbyScene
    from game.scenes.projector import (DevicesPodium, ProjectorAnswer, ProjectorQuestion,
                                       Standings, class_turns)

    def lobby():
        class_host(app, questions, timer=timer)
        return [LobbyScene(app)]

    def on_first_question(scene, revealed: bool):
        """The first question asked, two thirds answered, revealed or not."""
        def build():
            host = class_host(app, questions, timer=timer)
            host.room.start()
            answer_some(host)
            if revealed:
                host.room.reveal()
            return [scene(app)]
        return build

    asking = on_first_question(ProjectorQuestion, revealed=False)
    answer = on_first_question(ProjectorAnswer, revealed=True)
    standings = on_first_question(Standings, revealed=True)

    def podium():
        host = class_host(app, questions, timer=timer)
        room = host.room
        room.start()
        while True:
            answer_some(host)
            room.reveal()
            if room.position + 1 >= len(room.questions):
                break
            room.next()
        room.next()
        return [DevicesPodium(app, class_turns(room))]

    return {"class-lobby": lobby, "class-question": asking, "class-answer": answer,
            "class-scores": standings, "class-podium": podium}
