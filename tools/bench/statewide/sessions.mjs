// Signs demo accounts in through the API the way the browser does (CSRF token, then login) and keeps their cookies.
export const DEMO_PASSWORD = 'Wegweiser-Demo-2026';

function mergeCookies(jar, response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name] = pair.split('=');
    jar.set(name, pair);
  }
}

const cookieHeader = (jar) => [...jar.values()].join('; ');

export async function signIn(baseUrl, email) {
  const jar = new Map();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  mergeCookies(jar, csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookieHeader(jar) },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of a ${email.split('@')[1]} account failed: ${login.status}`);
  mergeCookies(jar, login);
  const session = await login.json();
  return { email, cookie: cookieHeader(jar), csrf: session.csrfToken, me: session.me };
}

/** Signs `emails` in, `parallel` at a time. */
export async function signInAll(baseUrl, emails, parallel = 4) {
  const sessions = [];
  for (let i = 0; i < emails.length; i += parallel) {
    sessions.push(...(await Promise.all(emails.slice(i, i + parallel).map((email) => signIn(baseUrl, email)))));
  }
  return sessions;
}

/** GET with a session; throws unless 2xx. */
export async function getJson(baseUrl, session, path) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path.split('?')[0]}: ${response.status}`);
  return response.json();
}

export async function postJson(baseUrl, session, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path.split('?')[0]}: ${response.status} ${await response.text()}`);
  return response.json();
}
