"""Every operator-facing line of the LLM feature: setup problems, probe results, log lines.

A problem line starts with the setting to change and ends with the fix.
"""

UNKNOWN_PROVIDER = "TUTOR_LLM: unknown provider {provider!r}; use one of {names}"
NO_MODEL = "TUTOR_LLM: no model named; e.g. TUTOR_LLM={provider}:<model>"
NOT_INSTALLED = (
    "TUTOR_LLM: the {package} package is not installed; "
    'run: pip install -e ".[{extra}]" (or pip install {package})'
)
NO_CREDENTIAL = "{credential}: not set; {provider} needs it: export {credential}=<key>{hint}"
ANY_KEY_HINT = " (a local OpenAI-compatible server accepts any value, e.g. none)"
CANNOT_BUILD = "TUTOR_LLM: {spec} cannot be built ({error})"
EMPTY_PROBE = "TUTOR_LLM: {spec} answered the probe with nothing; try another model"
PROBE_TIMEOUT = (
    "TUTOR_LLM_TIMEOUT: {spec} did not answer a tiny probe within {seconds:g} s; "
    "check the server is up and the model loaded, or raise it"
)
KEY_REJECTED = "{credential}: rejected by {where} ({reason}); check the key"
MODEL_NOT_FOUND = "TUTOR_LLM: model {model!r} not found at {where} (HTTP 404); {fix}"
PULL_FIX = "run `ollama pull {model}`"
NAME_FIX = "check the model name and TUTOR_LLM_BASE_URL"
UNREACHABLE = "TUTOR_LLM_BASE_URL: cannot connect to {where}; start the server or fix the URL"
PROBE_FAILED = "TUTOR_LLM: the probe to {spec} failed ({reason}: {detail})"
DEFAULT_WHERE = "the provider's default URL"
PROBE_PROMPT = 'Reply with the JSON object {"ok": true} and nothing else.'

LOG_FALLBACK = "LLM %s gave no usable answer (%s); answered from the course text"
"""WARNING: the model and the reason only, never the learner's text."""
