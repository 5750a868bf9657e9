// The widget's options, read from the data- attributes of its own script tag (see the README).

/** The longest message the server reads whole: components/channels/input_checks.py MAX_MESSAGE_CHARS
 * (tests/test_project.py checks that they are equal). */
export const MAX_MESSAGE_CHARS = 2000;

/** A tel: link for a phone number as people write it ("+1 555 0100" -> "tel:+15550100"), or null. */
export function telHref(number) {
  const digits = String(number || '').replace(/[^\d+*#]/g, '');
  return /\d/.test(digits) ? `tel:${digits}` : null;
}

export function readConfig(script) {
  if (!script) {
    console.error('ivig-triage widget: cannot find its <script> tag');
    return null;
  }
  const d = script.dataset;
  let server = d.server;
  if (!server) server = new URL(script.src, window.location.href).origin;
  if (!d.emergencyNumber) console.warn('ivig-triage widget: no data-emergency-number, using 911');
  return {
    server: server.replace(/\/+$/, ''),
    socketPath: d.socketPath || '/socket.io',
    clinicName: d.clinicName || '',
    clinicPhone: telHref(d.clinicPhone) ? d.clinicPhone : '',
    emergencyNumber: telHref(d.emergencyNumber) ? d.emergencyNumber : '911',
    title: d.title || 'After-infusion helper',
    launcherText: d.launcherText || 'Questions after your infusion? Chat with us',
    open: d.open === 'true',
    containerSelector: d.container || null,
    initPayload: d.initPayload === undefined ? '/greet' : d.initPayload,
  };
}
