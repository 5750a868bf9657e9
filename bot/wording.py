"""The clinical sentences that stand on their own: the greeting, the side effects, the red flags and the
emergency signs, the fail-safe and the clinic's contact. Each fact is written here once; the domain's
responses (the replies that need no action server) are generated from these by `scripts/write_domain`,
and the dispositions' advice uses the same lists, so changing the fever mark in `clinic.yml` changes
every sentence that states it.
"""

from bot.settings import Settings

# The invitation to say how one feels: the reply to a message that is no symptom report ("I'm fine, just
# checking in", "Is there parking?"), and the question the dialogue asks when the classifier took such a
# message for a report (bot/dialogue.py `INVITE`).
HOW_CAN_I_HELP = (
    'Tell me how you are feeling since your infusion, in your own words: for example "I have a headache and feel sick".'
)
MILD_EFFECTS = "irritation where the drip went in, headache, flushing, a slight fever, chills, nausea and sore muscles"


def red_flag_signs(s: Settings) -> str:
    """The IVIG article's reasons to call the doctor right away, with the clinic's fever mark."""
    return (
        f"trouble breathing, a tight chest, a severe or spreading rash, a temperature of "
        f"{s.high_fever_celsius:g} °C ({s.high_fever_fahrenheit:g} °F) or more, a severe headache or a stiff "
        f"neck, or vomiting"
    )


YOU = dict(you="you", your="your", have="have")  # the patient's own words; a carer's are bot.dialogue.words_for


def emergency_signs(w: dict[str, str] = YOU) -> str:
    """`w`: the words for the person the messages are about ("his throat ... he cannot breathe")."""
    return (
        f"{w['your']} throat, tongue or lips swell, {w['your']} lips turn blue, {w['you']} cannot breathe, "
        f"{w['you']} {w['have']} fainted, or {w['you']} {w['have']} crushing chest pain"
    )


def call_doctor_if(s: Settings, w: dict[str, str] = YOU) -> str:
    return f"Call {w['your']} doctor right away if {w['you']} {w['have']} {red_flag_signs(s)}."


def call_emergency_if(s: Settings, w: dict[str, str] = YOU) -> str:
    return f"Call {s.emergency_number} if {emergency_signs(w)}."


def domain_responses(s: Settings) -> dict[str, str]:
    """The domain's responses that state a clinical fact or the clinic's details, and the invitation."""
    clinic = f"{s.clinic_name} at {s.clinic_phone}"
    return {
        "utter_greet": (
            f"Hello, I'm the after-infusion helper of {s.clinic_name}. I'll tell you whether what you feel "
            "since your IVIG infusion can be managed at home or needs a call to your doctor now.\nI am not "
            f"for emergencies: call {s.emergency_number} now if {emergency_signs()}."
        ),
        "utter_emergency": f"Call {s.emergency_number} now: what you describe can be life-threatening.",
        "utter_goodbye": (
            f"Take care. If anything changes or you are worried, message me again or call {clinic}. "
            f"In an emergency call {s.emergency_number}."
        ),
        "utter_you_are_welcome": f"You're welcome. If anything changes, tell me, or call {clinic}.",
        "utter_how_can_i_help": HOW_CAN_I_HELP,
        "utter_side_effects": (
            f"Most people do well with IVIG. Common, mild side effects are {MILD_EFFECTS}; "
            "drinking plenty of water helps. About 5 in 100 people react within 30 to 60 minutes "
            "of the start of the infusion, and older adults have a higher risk of serious side "
            f"effects.\n{call_doctor_if(s)} {call_emergency_if(s)}\n"
            "If you have any symptoms now, tell me what they are."
        ),
        "utter_clinic_contact": f"You can reach {clinic}. In an emergency call {s.emergency_number}.",
        "utter_out_of_scope": (
            f"I can only help with how you feel after your IVIG infusion. For anything else, please call {clinic}."
        ),
        "utter_low_confidence_call_clinic": (
            f"I'm sorry, I still can't understand. Please call {clinic} so a nurse "
            f"can help you.\nCall {s.emergency_number} now if {emergency_signs()}."
        ),
        "utter_default": (
            f"I can't assess this right now. Please call {clinic}.\nCall your doctor now if you have "
            f"{red_flag_signs(s)}. Call {s.emergency_number} now if {emergency_signs()}."
        ),
    }
