"""The chat widget on the demo clinic page, in Debian's Chromium, against the real bot over socket.io."""
import re
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import expect

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

    v.page.get_by_role("button", name="Start over").click()  # a new conversation: history gone
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


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 640, "height": 400}],
                         ids=["phone-360px", "desktop-at-200pct-zoom"])
def test_usable_on_a_phone_and_at_200_percent_zoom(visit, viewport, tmp_path):
    v = visit(viewport=viewport, device_scale_factor=2, is_mobile=viewport["width"] < 400,
              has_touch=viewport["width"] < 400).open()
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
    page.keyboard.press("Enter")
    expect(v.log.locator(".msg.user .text").last).to_have_text(now["text"])
    for _ in range(10):  # more questions: the focus stays on the answers
        page.locator(f"{WIDGET} .replies button, {WIDGET} .card").first.wait_for()
        if card(v).count():
            break
        expect(reply_buttons(v).first).to_be_focused()
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


def test_screenshots(visit, tmp_path):
    """Desktop and phone pictures of a conversation; WIDGET_SCREENSHOTS=docs keeps them for the README."""
    import os
    import shutil

    shots = {"widget-desktop.png": {"width": 1280, "height": 800},
             "widget-phone.png": {"width": 360, "height": 740}}
    for name, viewport in shots.items():
        phone = viewport["width"] < 400
        v = visit(viewport=viewport, device_scale_factor=2 if phone else 1, is_mobile=phone, has_touch=phone).open()
        v.say(STIFF_NECK)
        expect(card(v).locator("a.call.primary")).to_be_in_viewport()
        v.bot_idle()
        v.page.locator(f"{WIDGET} .log").evaluate("log => log.blur()")
        v.page.screenshot(path=str(tmp_path / name))
        if os.environ.get("WIDGET_SCREENSHOTS"):
            shutil.copy(tmp_path / name, os.path.join(os.environ["WIDGET_SCREENSHOTS"], name))
