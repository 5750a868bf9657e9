"""The chat widget on the demo clinic page, in Debian's Chromium, against the real bot over socket.io."""

import re
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import expect

from bot.settings import setting
from tests.conftest import ROOT

WIDGET = "#ivig-triage-widget"
CLINIC_TEL = "tel:+15550100"  # clinic.yml's "+1 555 0100", as the demo page's data-clinic-phone says
STIFF_NECK = "my neck is really stiff and my head is pounding"
MILD = "bit of redness where the IV went in"
EMERGENCY = "my throat is swelling and I can't breathe"


def card(visit):
    return visit.page.locator(f"{WIDGET} .card")


def reply_buttons(visit):
    return visit.page.locator(f"{WIDGET} .replies button")


def focused(page) -> dict:
    """What has the keyboard focus inside the widget, and whether the focus is visible."""
    return page.evaluate("""() => {
        const el = document.querySelector('#ivig-triage-widget').shadowRoot.activeElement;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {tag: el.tagName.toLowerCase(), cls: el.className, id: el.id, text: el.textContent.trim(),
                href: el.getAttribute('href'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def answer_until_card(visit) -> list[str]:
    """Answer each follow-up question with its buttons ("No" when asked yes or no) until a card shows."""
    answered = []
    for _ in range(10):
        visit.page.locator(f"{WIDGET} .replies button, {WIDGET} .card").first.wait_for()
        if card(visit).count():
            return answered
        buttons = reply_buttons(visit)
        titles = buttons.all_inner_texts()
        title = "No" if "No" in titles else titles[0]
        users = visit.log.locator(".msg.user .text")
        already = users.count()
        buttons.nth(titles.index(title)).click()
        expect(users.nth(already)).to_have_text(title)  # the title is shown as the patient's message
        answered.append(title)
    raise AssertionError(f"no card after answering {answered}")


def test_stiff_neck_and_pounding_head_get_the_call_your_doctor_card(visit):
    v = visit().open()
    v.say(STIFF_NECK)
    expect(card(v)).to_have_class(re.compile(r"\bcall-doctor-now\b"))
    expect(card(v).get_by_role("heading", name="Call your doctor now")).to_be_visible()
    call = card(v).locator("a.call.primary")
    expect(call).to_have_attribute("href", CLINIC_TEL)
    expect(call).to_contain_text("Call Riverside Infusion Clinic")
    expect(card(v).locator(".told")).to_contain_text("You told me you have")
    expect(card(v).locator(".told")).to_contain_text("a stiff neck")  # symptom id in words (bot/lexicon.py)
    expect(card(v).locator(".advice li").first).to_contain_text("Call Riverside Infusion Clinic now")
    assert card(v).count() == 1  # the disposition text is folded into the card, not shown twice
    assert not v.errors


def test_mild_report_answered_with_buttons_ends_in_manage_at_home(visit):
    v = visit().open()
    v.say(MILD)
    answered = answer_until_card(v)
    assert answered, "the bot asked no follow-up question"
    expect(card(v)).to_have_class(re.compile(r"\bmanage-at-home\b"))
    expect(card(v).get_by_role("heading", name="Manage at home")).to_be_visible()
    expect(card(v).locator("a.call")).to_have_attribute("href", CLINIC_TEL)
    expect(card(v).locator(".told")).to_contain_text("irritation where the drip went in")
    expect(card(v).locator(".advice")).to_contain_text("Drink plenty of water")
    expect(reply_buttons(v)).to_have_count(0)
    assert not v.errors


def test_reload_keeps_the_conversation(visit):
    v = visit().open()
    v.say(MILD)
    expect(reply_buttons(v).first).to_be_visible()
    v.bot_idle()
    shown = v.log.locator(":scope > *").all_inner_texts()
    session = v.page.evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':session'))[1]")

    v.page.reload()
    expect(v.log.locator(":scope > *")).to_have_count(len(shown))
    assert v.log.locator(":scope > *").all_inner_texts() == shown  # same messages, same order, no new greeting
    expect(reply_buttons(v).first).to_be_visible()  # the pending question can still be answered
    assert v.page.evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':session'))[1]") == session
    answer_until_card(v)  # ... and the server kept the conversation: the answer ends it
    expect(card(v)).to_have_class(re.compile(r"\bmanage-at-home\b"))

    v.page.get_by_role("button", name="Start over", exact=True).click()  # a new conversation: history gone
    v.page.get_by_role("button", name="Yes, start over").click()
    expect(v.log.locator(".card")).to_have_count(0)
    expect(v.log).to_contain_text("not for emergencies")
    assert MILD not in v.log.inner_text()


def test_markup_is_shown_as_text_and_never_run(visit):
    v = visit().open()
    markup = "<img src=x onerror=alert(1)>"
    v.say(markup)
    expect(v.log.locator(".msg.user .text").last).to_have_text(markup)
    v.bot_idle()
    expect(v.log.locator(".msg.bot").last).to_be_visible()
    counts = v.page.evaluate("""() => {
        const root = document.querySelector('#ivig-triage-widget').shadowRoot;
        return {widget: root.querySelectorAll('img, script, iframe').length, page: document.images.length};
    }""")
    assert counts == {"widget": 0, "page": 0}
    assert v.dialogs == []
    assert not any(urlsplit(url).path.endswith("/x") for url in v.requests)
    assert not v.errors


def test_emergency_card_is_announced_and_has_no_serious_accessibility_violations(visit, axe_source):
    v = visit().open()
    v.say(EMERGENCY)
    expect(card(v)).to_have_class(re.compile(r"\bemergency\b"))
    expect(card(v).get_by_role("heading", name="Call emergency services now")).to_be_visible()
    calls = card(v).locator("a.call")
    expect(calls.first).to_have_attribute("href", "tel:911")  # the emergency number first, big
    expect(calls.first).to_have_class(re.compile(r"\bprimary\b"))
    expect(calls.nth(1)).to_have_attribute("href", CLINIC_TEL)
    expect(v.page.locator(f"{WIDGET} [aria-live=assertive]")).to_have_text("Call emergency services now: call 911.")
    expect(v.log).to_have_attribute("aria-live", "polite")

    v.page.add_script_tag(content=axe_source)  # axe-core from web/node_modules, no CDN
    violations = v.page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(x => ({id: x.id, impact: x.impact, help: x.help,
                                            nodes: x.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
    serious = [x for x in violations if x["impact"] in ("serious", "critical")]
    assert serious == [], serious


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 640, "height": 400}],
    ids=["phone-360px", "desktop-at-200pct-zoom"],
)
def test_usable_on_a_phone_and_at_200_percent_zoom(visit, viewport, tmp_path):
    v = visit(
        viewport=viewport, device_scale_factor=2, is_mobile=viewport["width"] < 400, has_touch=viewport["width"] < 400
    ).open()
    v.say(STIFF_NECK)
    expect(card(v)).to_be_visible()
    width = viewport["width"]
    assert v.page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scrolling
    assert v.page.evaluate(f"""() => {{  // nothing in the widget scrolls sideways or sticks out
        const root = document.querySelector('{WIDGET}').shadowRoot;
        const panel = root.querySelector('.panel'), log = root.querySelector('.log'), box = panel.getBoundingClientRect();
        return box.left >= 0 && box.right <= {width} + 1 && panel.scrollWidth <= panel.clientWidth
               && log.scrollWidth <= log.clientWidth;
    }}""")
    for target in (v.input, v.page.get_by_role("button", name="Send"), card(v).locator("a.call.primary")):
        expect(target).to_be_in_viewport()
        box = target.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box
        assert box["height"] >= 44, box  # touch-sized
    v.page.screenshot(path=str(tmp_path / "widget.png"))
    assert (tmp_path / "widget.png").stat().st_size > 10_000


def test_keyboard_only_conversation(visit):
    v = visit().open()
    page = v.page
    for _ in range(25):  # from the top of the page, Tab into the widget's text box
        page.keyboard.press("Tab")
        now = focused(page)
        if now and now["id"] == "ivig-input":
            break
        if now:  # every stop in the widget shows where the focus is
            assert now["outline"] != "none" and now["width"] >= 2, now
    else:
        raise AssertionError("Tab never reached the message box")
    assert focused(page)["outline"] != "none"

    page.keyboard.type(MILD)
    page.keyboard.press("Enter")  # Enter sends
    expect(v.log.locator(".msg.user .text").last).to_have_text(MILD)
    expect(reply_buttons(v).first).to_be_visible()
    page.keyboard.press("Shift+Tab")  # the answers sit just before the text box
    now = focused(page)
    assert now["tag"] == "button" and "reply" in now["cls"] and now["outline"] != "none", now
    no_first = reply_buttons(v).filter(has_text=re.compile(r"^No$"))
    if no_first.count():  # a yes/no question first (the swollen-limb check): Shift+Tab on back to "No"
        page.keyboard.press("Shift+Tab")
        expect(no_first).to_be_focused()
        now = focused(page)
    page.keyboard.press("Enter")
    expect(v.log.locator(".msg.user .text").last).to_have_text(now["text"])
    for _ in range(10):  # more questions: the focus stays on the answers
        page.locator(f"{WIDGET} .replies button, {WIDGET} .card").first.wait_for()
        if card(v).count():
            break
        expect(reply_buttons(v).first).to_be_focused()
        no = reply_buttons(v).filter(has_text=re.compile(r"^No$"))
        if no.count():  # Yes, No, Not sure in a row: Tab goes to the next answer
            page.keyboard.press("Tab")
            expect(no).to_be_focused()
        page.keyboard.press("Enter")
    expect(card(v)).to_have_class(re.compile(r"\bmanage-at-home\b"))
    expect(v.input).to_be_focused()

    for _ in range(6):  # back from the text box to the card's call button
        page.keyboard.press("Shift+Tab")
        now = focused(page)
        if now and (now["href"] or "").startswith("tel:"):
            break
    assert now["href"] == CLINIC_TEL and now["outline"] != "none", now


def test_widget_talks_only_to_the_bot_and_the_page(visit, site):
    v = visit().open()
    v.say(STIFF_NECK)
    expect(card(v)).to_be_visible()
    hosts = {urlsplit(url).netloc for url in v.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    page_host, bot_host = urlsplit(site.page_url).netloc, urlsplit(site.bot_url).netloc
    assert bot_host in hosts and page_host in hosts
    assert hosts <= {page_host, bot_host}, hosts


def test_socketio_refuses_origins_not_in_cors(visit, site):
    handshake = f"{site.bot_url}/socket.io/?EIO=4&transport=polling"
    allowed = urlsplit(site.page_url)._replace(path="").geturl()
    ok = requests.get(handshake, headers={"Origin": allowed}, timeout=10)
    assert ok.status_code == 200
    assert ok.headers["Access-Control-Allow-Origin"] == allowed  # once (sanic-cors), not twice
    assert requests.get(handshake, headers={"Origin": "https://evil.example"}, timeout=10).status_code == 400

    # The same page from another origin (localhost instead of 127.0.0.1): the widget cannot connect.
    v = visit()
    v.page.goto(site.page_url.replace("127.0.0.1", "localhost"))
    expect(v.page.locator(f"{WIDGET} .status")).to_contain_text("can't reach the helper")
    expect(v.log.locator(".msg.bot")).to_have_count(0)


# ---------------------------------------------------------------- issue 15: the widget as a worried patient meets it

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
RED_CARD = re.compile(r"\bemergency\b")


def on(visit, viewport):
    phone = viewport["width"] < 500
    return visit(viewport=viewport, device_scale_factor=2 if phone else 1, is_mobile=phone, has_touch=phone)


def in_widget(visit, script: str):
    """Evaluate `script` (a function of the widget's shadow root) in the page."""
    return visit.page.evaluate(f"() => ({script})(document.querySelector('{WIDGET}').shadowRoot)")


def say_and_wait(visit, text: str) -> None:
    """Send `text` and wait for the bot's answer to it (one more bot message, and no typing dots)."""
    bots = visit.log.locator(":scope > .msg.bot, :scope > .card")
    before = bots.count()
    visit.say(text)
    bots.nth(before).wait_for()
    visit.bot_idle()


def test_1_yes_no_questions_offer_not_sure(visit):
    v = visit().open()
    v.say("i have a headache")
    expect(reply_buttons(v)).to_have_text(["Yes", "No", "Not sure"])
    with v.page.expect_request(lambda r: r.method == "POST" and '"Not sure"' in (r.post_data or "")):
        reply_buttons(v).nth(2).click()  # the payload goes to the bot...
    expect(v.log.locator(".msg.user .text").last).to_have_text("Not sure")  # ... its title is what the patient said
    assert not v.errors


LONG_STORY = (
    "I had my IVIG infusion this morning at the clinic and it went fine at first. The nurse checked my "
    "blood pressure twice and everything looked normal, and I had a sandwich and some water while the "
    "drip was running. On the drive home I felt a bit tired and my arm was sore where the needle went in, "
    "which I expected because that happened last time too. "
) * 3 + (
    "Now I am sitting on the sofa and something feels very wrong: my throat feels like it is closing up "
    "and my tongue is swollen"
)


def test_2_a_long_message_is_sent_whole_up_to_the_servers_limit(visit):
    from components.channels.input_checks import MAX_MESSAGE_CHARS

    assert 1000 < len(LONG_STORY) <= MAX_MESSAGE_CHARS
    v = visit().open()
    v.say(LONG_STORY)
    expect(v.log.locator(".msg.user .text").last).to_have_text(LONG_STORY)  # the last sentence too
    expect(card(v)).to_have_class(RED_CARD)  # ... so the swollen throat is read


def test_2_a_counter_near_the_limit_and_nothing_dropped_over_it(visit):
    from components.channels.input_checks import MAX_MESSAGE_CHARS

    v = visit().open()
    counter = v.page.locator(f"{WIDGET} .counter")
    v.input.fill("my head hurts " * 20)
    expect(counter).to_be_hidden()  # far from the limit: no counter
    near = ("my head hurts " * 200)[: MAX_MESSAGE_CHARS - 100].strip()
    v.input.fill(near)
    expect(counter).to_be_visible()
    expect(counter).to_have_text(f"{len(near):,} of {MAX_MESSAGE_CHARS:,} characters")
    too_long = ("my head hurts " * 200)[: MAX_MESSAGE_CHARS + 150].strip()
    v.input.fill(too_long)
    v.input.press("Enter")
    expect(counter).to_contain_text(f"{len(too_long) - MAX_MESSAGE_CHARS:,} too many")
    expect(v.page.locator(f"{WIDGET} .status")).to_contain_text("nothing has been sent yet")
    assert v.input.input_value() == too_long  # every character is still there, to shorten
    expect(v.log.locator(".msg.user")).to_have_count(0)
    v.input.fill(too_long[: MAX_MESSAGE_CHARS - 500])  # shortened: it goes
    v.input.press("Enter")
    expect(v.log.locator(".msg.user .text")).to_have_text([too_long[: MAX_MESSAGE_CHARS - 500].strip()])
    expect(counter).to_be_hidden()


@pytest.mark.parametrize("name", sorted(VIEWPORTS))
def test_3_the_question_is_never_hidden_behind_its_answer_buttons(visit, name):
    v = on(visit, VIEWPORTS[name]).open()
    for _ in range(3):  # a conversation longer than the screen
        say_and_wait(v, "hello")
    v.say("i have a headache")
    for _ in range(8):
        v.page.locator(f"{WIDGET} .replies button, {WIDGET} .card").first.wait_for()
        if card(v).count():
            break
        v.bot_idle()
        seen = in_widget(
            v,
            """root => {
            const log = root.querySelector('.log'), box = log.getBoundingClientRect();
            const question = [...log.querySelectorAll('.msg.bot')].pop().getBoundingClientRect();
            return {longer: log.scrollHeight > log.clientHeight, top: question.top - box.top,
                    hidden: question.bottom - box.bottom};
        }""",
        )
        assert seen["longer"], seen
        assert seen["hidden"] <= 0.5 and seen["top"] >= 0, seen  # the whole question shows above the buttons
        buttons = reply_buttons(v)
        titles = buttons.all_inner_texts()
        buttons.nth(titles.index("No") if "No" in titles else 0).click()
    expect(card(v)).to_be_visible()


def test_4_start_over_asks_first_and_names_the_call_card(visit):
    v = on(visit, PHONE).open()
    v.say(EMERGENCY)
    expect(card(v)).to_have_class(RED_CARD)
    v.bot_idle()
    start_over = v.page.get_by_role("button", name="Start over", exact=True)
    hide = v.page.get_by_role("button", name="Hide the chat")
    assert hide.bounding_box()["x"] - (start_over.bounding_box()["x"] + start_over.bounding_box()["width"]) >= 12

    confirm = v.page.get_by_role("alertdialog", name="Start a new conversation?")
    keep = v.page.get_by_role("button", name="No, keep this conversation")
    start_over.click()
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text('My last answer was "Call emergency services now"')
    expect(confirm.locator("a.call")).to_have_attribute("href", "tel:911")
    expect(keep).to_be_focused()  # the safe answer has the focus
    expect(card(v)).to_have_count(1)  # nothing erased by the first tap
    keep.click()
    expect(confirm).to_be_hidden()
    start_over.click()
    v.page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    v.page.reload()
    expect(card(v)).to_have_count(1)  # still stored

    start_over.click()
    v.page.get_by_role("button", name="Yes, start over").click()
    expect(card(v)).to_have_count(0)
    expect(v.log).to_contain_text("not for emergencies")
    expect(v.input).to_be_focused()


def test_4_start_over_without_a_call_card_asks_too(visit):
    v = visit().open()
    v.page.get_by_role("button", name="Start over", exact=True).click()
    confirm = v.page.get_by_role("alertdialog", name="Start a new conversation?")
    expect(confirm).to_contain_text("clears this conversation")
    expect(confirm.locator("a")).to_have_count(0)


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE, DESKTOP], ids=["phone-390px", "phone-360px", "desktop"])
def test_5_every_phone_link_is_at_least_44_by_44_px(visit, viewport):
    v = on(visit, viewport).open()
    v.say(STIFF_NECK)  # a call-your-doctor card: the clinic, then the emergency number
    expect(card(v).locator("a.call")).to_have_count(2)
    v.bot_idle()
    measure = """root => [...root.querySelectorAll('a[href^="tel:"]')].map(a => {
        const box = a.getBoundingClientRect();
        return {href: a.getAttribute('href'), text: a.textContent.trim(), width: box.width, height: box.height};
    })"""
    links = in_widget(v, measure)  # the always-visible notice and the card's two
    assert len(links) == 3 and {x["href"] for x in links} == {CLINIC_TEL, "tel:911"}, links
    assert [x for x in links if x["width"] < 44 or x["height"] < 44] == []
    notice = v.page.locator(f"{WIDGET} .notice a")
    expect(notice).to_have_attribute("href", "tel:911")
    expect(notice).to_be_in_viewport()
    v.page.get_by_role("button", name="Start over", exact=True).click()  # the question's call button too
    links = in_widget(v, measure)
    assert len(links) == 4 and [x for x in links if x["width"] < 44 or x["height"] < 44] == [], links


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=["phone-390px", "phone-360px"])
def test_6_the_placeholder_is_not_cut_on_a_phone(visit, viewport):
    v = on(visit, viewport).open()
    room = in_widget(
        v,
        """root => {
        const input = root.querySelector('input'), style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return {text: input.placeholder, needs: context.measureText(input.placeholder).width,
                has: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)};
    }""",
    )
    assert room["text"] and room["needs"] <= room["has"], room


def test_6_emoji_only_gets_its_own_words_not_the_outage_reply(visit):
    v = visit().open()
    say_and_wait(v, "😭😭")
    reply = v.log.locator(".msg.bot .text").last.inner_text()
    assert reply.startswith("I can only read words, not emoji"), reply
    assert "can't assess" not in reply and "911" in reply  # the emergency number still there


def test_6_no_answer_in_time_and_no_connection_say_different_things(visit, site):
    v = visit()
    v.page.clock.install()
    v.open()
    origin = site.page_url.rstrip("/")

    def swallow_the_message(route):  # the server never hears it: the bot stays silent
        if route.request.method == "POST" and "user_uttered" in (route.request.post_data or ""):
            route.fulfill(
                status=200,
                body="ok",
                headers={"Access-Control-Allow-Origin": origin, "Content-Type": "text/html; charset=utf-8"},
            )
        else:
            route.continue_()

    v.page.route(f"{site.bot_url}/socket.io/**", swallow_the_message)
    v.say("i have a headache")
    expect(v.page.locator(f"{WIDGET} .typing .dots")).to_be_visible()
    v.page.clock.run_for(26_000)  # the widget's 25 s wait for an answer
    status = v.page.locator(f"{WIDGET} .status")
    expect(status).to_contain_text("has not answered after 25 seconds")
    expect(status).not_to_contain_text("can't reach")
    expect(status).to_contain_text("call Riverside Infusion Clinic at +1 555 0100")


def test_7_the_card_says_each_finding_once_in_the_servers_words(visit):
    v = visit().open()
    v.say("really bad headache and a stiff neck, no vomiting")
    expect(card(v)).to_have_class(re.compile(r"\bcall-doctor-now\b"))
    expect(card(v).locator(".why")).to_have_text("Because of a severe headache with a stiff neck.")
    expect(card(v).locator(".told")).to_have_text(
        "You told me you have a stiff neck and a severe headache. You told me you do not have vomiting."
    )
    expect(card(v).locator(".advice li").first).to_contain_text("have a severe headache with a stiff neck.")


# ---------------------------------------------------------------- what a reviewer looks at without running anything


def reach(visit, level: str) -> None:
    if level == "manage_at_home":
        visit.say(MILD)
        answer_until_card(visit)
    else:
        visit.say(EMERGENCY if level == "emergency" else STIFF_NECK)
    expect(card(visit)).to_have_class(re.compile(rf"\b{level.replace('_', '-')}\b"))


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("level", ["emergency", "call_doctor_now", "manage_at_home"])
def test_screenshots(visit, level, viewport, tmp_path):
    """A picture per disposition level and viewport; `make screenshots` keeps them in docs/."""
    import os
    import shutil

    v = on(visit, VIEWPORTS[viewport]).open()
    reach(v, level)
    expect(card(v).locator("a.call").first).to_be_in_viewport()  # the headline and the call button show
    v.bot_idle()
    v.page.locator(f"{WIDGET} .log").evaluate("log => log.blur()")
    name = f"widget-{level.replace('_', '-')}-{viewport}.png"
    v.page.screenshot(path=str(tmp_path / name))
    assert (tmp_path / name).stat().st_size > 10_000
    if setting("TRIAGE_SCREENSHOTS"):
        shutil.copy(tmp_path / name, os.path.join(setting("TRIAGE_SCREENSHOTS"), name))


# ---------------------------------------------------------------- a third-party widget against our server

RASA_WEBCHAT = ROOT / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"


def test_socketio_offers_long_polling_only(site):
    """Sanic cannot serve WebSockets on Python 3.11: offering the upgrade left clients that try it
    (rasa-webchat) half-upgraded and deaf (components/channels/socketio.py, fix 4)."""
    import json

    handshake = requests.get(f"{site.bot_url}/socket.io/?EIO=4&transport=polling", timeout=10)
    assert handshake.status_code == 200 and json.loads(handshake.text[1:])["upgrades"] == []
    assert requests.get(f"{site.bot_url}/socket.io/?EIO=4&transport=websocket", timeout=10).status_code == 400


def test_rasa_webchat_holds_a_triage_conversation(visit, site):
    """botfront's rasa-webchat (npm, its plain-script build) as a clinic may already embed it
    (web/demo/rasa-webchat.html): the greeting, a question with its buttons and the disposition text show."""
    assert RASA_WEBCHAT.exists(), f"{RASA_WEBCHAT} is missing: run `make web-deps`"
    v = visit()
    page = v.page
    page.goto(f"{site.page_url}rasa-webchat.html")
    messages = page.locator(".rw-messages-container")
    expect(messages).to_contain_text("not for emergencies")
    composer = page.locator(".rw-new-message")
    composer.fill("i have a headache")
    composer.press("Enter")
    expect(messages).to_contain_text("Is your neck stiff")
    page.locator(".rw-reply", has_text="No").first.click()
    expect(messages).to_contain_text("very severe")
    page.locator(".rw-reply", has_text="Yes").last.click()  # a severe headache: call your doctor now
    expect(messages).to_contain_text("Call your doctor now: Riverside Infusion Clinic, +1 555 0100.")
    expect(messages).to_contain_text("When you call, you can read this out")  # the nurse hand-off
    assert not v.errors
