import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./fixtures";

// Real excerpts of each kind a reader pastes when a login fails: Headscale's log in both of its
// formats, a browser page of each product, an answer of authentik, a discovery document and a
// key set, read in the release build and explained for the inputs in the form.

const TEXT_LOG =
  "headscale  | \u001b[90m2026-07-01T10:15:01Z\u001b[0m \u001b[32mINF\u001b[0m Starting Headscale version=0.29.2\n" +
  "headscale  | \u001b[90m2026-07-01T10:15:02Z\u001b[0m \u001b[31mERR\u001b[0m user msg: failed to verify id_token " +
  "\u001b[36merror=\u001b[0m\u001b[31m\"verifying ID token: oidc: failed to unmarshal claims: invalid character '\\\\x0f' looking for beginning of value\"\u001b[0m " +
  "\u001b[36mcode=\u001b[0m403\n";

const JSON_LOG =
  '{"level":"info","time":"2026-07-01T10:15:01Z","message":"Starting Headscale"}\n' +
  '{"level":"error","error":"authenticated principal has an unverified email","code":401,"time":"2026-07-01T10:16:30Z","message":"user msg: unverified email"}\n';

const HEADSCALE_PAGE =
  "<!DOCTYPE html><html><head><title>Headscale - Error</title></head><body><main><h1>Unauthorized</h1>" +
  "<p>You are not authorized. Please contact your administrator.</p></main></body></html>";

const AUTHENTIK_PAGE =
  '<!DOCTYPE html><html><head><title>authentik</title></head><body><div class="pf-c-login"><h1>Redirect URI Error</h1>' +
  "<p>The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri).</p></div></body></html>";

const AUTHENTIK_ERROR =
  '{"error": "invalid_client", "error_description": "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)"}';

const discovery = (issuer: string) =>
  JSON.stringify(
    {
      issuer,
      authorization_endpoint: "https://authentik.company/application/o/authorize/",
      token_endpoint: "https://authentik.company/application/o/token/",
      userinfo_endpoint: "https://authentik.company/application/o/userinfo/",
      jwks_uri: "https://authentik.company/application/o/headscale/jwks/",
      scopes_supported: ["openid", "email", "profile"],
      claims_supported: ["sub", "iss", "email", "email_verified", "name", "preferred_username", "groups"],
      code_challenge_methods_supported: ["plain", "S256"],
      id_token_signing_alg_values_supported: ["HS256"],
      grant_types_supported: ["authorization_code", "refresh_token"],
    },
    null,
    2,
  );

async function paste(page: Page, text: string) {
  await page.getByText("Import an existing Headscale configuration").click();
  await page.getByLabel("Import Headscale config").fill(text);
  return page.locator("#hsp-import-result");
}

/** The step the diagram marks for a pasted message, read from its text alternative. */
async function showStep(page: Page, explanation: ReturnType<Page["locator"]>) {
  await explanation.getByRole("button", { name: "Show this step in How the login works" }).click();
  await expect(page.getByRole("tab", { name: "How the login works" })).toHaveAttribute("aria-selected", "true");
  return page.locator("#hsp-flow-steps li.hsp-flow-pasted");
}

test("a text log with colour codes: an encryption key, the claims step marked", async ({ page }) => {
  await page.goto("/");
  const result = await paste(page, TEXT_LOG);
  await expect(result).toContainText("Headscale log (text format), lines 1–2");
  await expect(result).toContainText("Recognised: 1 known message, 1 other line.");
  const explanation = result.locator(".hsp-explanation").first();
  await expect(explanation.locator(".hsp-explanation-message")).toHaveText("oidc: failed to unmarshal claims: …");
  await expect(explanation).toContainText("Printed by go-oidc (in Headscale): Headscale 0.29.");
  await expect(explanation.locator(".hsp-output-note")).toHaveCount(0);
  await expect(explanation.locator(".hsp-cause").first()).toContainText("The provider encrypts its tokens (an Encryption Key is set)");
  await expect(explanation.locator(".hsp-cause").first()).toContainText("most likely");
  await expect(explanation.locator(".hsp-cause").first()).toContainText("How to confirm:");
  const marked = await showStep(page, explanation);
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText("Headscale checks the ID token's issuer, signature and claims");
  await expect(page.locator('g.hsp-flow-pasted[data-stage="Claims"]')).toHaveCount(1);
  // The same line cannot come from Headscale 0.26: its error page words the reason otherwise.
  await page.getByLabel("Headscale version").selectOption("0.26");
  await expect(explanation).toContainText("Headscale 0.26, the release chosen in the form, does not print this; Headscale 0.29 does.");
});

test("a JSON log: an unverified e-mail, explained from both releases in the form", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Allowed users and domains, verified email").click();
  await page.getByLabel("Allowed users").fill("alice@example.com");
  const result = await paste(page, JSON_LOG);
  await expect(result).toContainText("Headscale log (JSON format)");
  const explanation = result.locator(".hsp-explanation").first();
  await expect(explanation.locator(".hsp-explanation-message")).toHaveText("authenticated principal has an unverified email");
  const first = explanation.locator(".hsp-cause").first();
  await expect(first).toContainText("authentik marks the e-mail as not verified");
  await expect(first).toContainText("authentik 2026.8 sends email_verified: false by default, and Headscale 0.29 refuses it");
  await expect(first).toContainText("Mark authentik emails as verified");
  // On Headscale 0.27 the same log line cannot come from this release: the page says so.
  await page.getByLabel("Headscale version").selectOption("0.27");
  await expect(explanation).toContainText("Headscale 0.27, the release chosen in the form, does not print this");
});

test("Headscale's error page and authentik's redirect URI page", async ({ page }) => {
  await page.goto("/");
  let result = await paste(page, HEADSCALE_PAGE);
  await expect(result).toContainText("Headscale's page in the browser");
  await expect(result.locator(".hsp-explanation-message").last()).toHaveText("You are not authorized. Please contact your administrator.");
  await page.getByRole("button", { name: "Clear the import box" }).click();
  await page.getByLabel("Import Headscale config").fill(AUTHENTIK_PAGE);
  result = page.locator("#hsp-import-result");
  await expect(result).toContainText("authentik's page in the browser");
  const explanation = result.locator(".hsp-explanation").last();
  await expect(explanation.locator(".hsp-cause").first()).toContainText("The redirect URI Headscale sends is not registered in authentik");
  await expect(explanation.locator(".hsp-cause").first()).toContainText("https://headscale.company/oidc/callback");
  const marked = await showStep(page, explanation);
  await expect(marked).toContainText("Headscale sends the browser to authentik");
});

test("authentik's error answer names the secret, with the fix at its field", async ({ page }) => {
  await page.goto("/");
  const result = await paste(page, AUTHENTIK_ERROR);
  await expect(result).toContainText("an error answer of authentik");
  const cause = result.locator(".hsp-explanation .hsp-cause").first();
  await expect(cause).toContainText("Headscale sends a client secret authentik does not accept");
  await expect(cause).toContainText("In the form, at Client secret");
});

test("a pasted discovery document is compared check by check", async ({ page }) => {
  await page.goto("/");
  const result = await paste(page, discovery("http://authentik.company/application/o/headscale/"));
  await expect(result).toContainText("authentik's discovery document");
  const rows = result.locator(".hsp-discovery tr");
  await expect(result.locator('.hsp-discovery tr[data-check="issuer"]')).toContainText("fails");
  await expect(result.locator('.hsp-discovery tr[data-check="issuer"]')).toContainText("the scheme (http against https)");
  await expect(result.locator('.hsp-discovery tr[data-check="id_token_signing_alg_values_supported"]')).toContainText("fails");
  await expect(result.locator('.hsp-discovery tr[data-check="grant_types_supported"]')).toContainText("passes");
  await expect(rows).toHaveCount(11);
  // The same document with the right issuer passes that check.
  await page.getByLabel("Import Headscale config").fill(discovery("https://authentik.company/application/o/headscale/"));
  await expect(result.locator('.hsp-discovery tr[data-check="issuer"]')).toContainText("passes");
});

test("unknown text is not guessed at", async ({ page }) => {
  await page.goto("/");
  const result = await paste(page, "the login broke after the proxy was replaced by something else");
  await expect(result.locator(".hsp-unknown")).toContainText("not a message the playground knows, so it names no cause for it");
  await expect(result.locator(".hsp-unknown li")).not.toHaveCount(0);
  await expect(result.locator(".hsp-cause")).toHaveCount(0);
});

test.describe("the live signing keys", () => {
  let server: Server;
  let base: string;
  let keys = '{"keys": []}';
  const asked: string[] = [];

  test.beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(request.url ?? "");
      if (request.url === "/application/o/headscale/jwks/") {
        response.writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" });
        response.end(keys);
      } else {
        // authentik's not-found answer is not shared with other origins.
        response.writeHead(404, { "Content-Type": "text/html" });
        response.end("<h1>Not found</h1>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("are asked only on the click, at the address shown, and read honestly", async ({ page }) => {
    asked.length = 0;
    await page.goto("/");
    await page.getByLabel("authentik URL").fill(base);
    await page.getByText("Import an existing Headscale configuration").click();
    const section = page.locator(".hsp-keys");
    await expect(section).toContainText(`${base}/application/o/headscale/jwks/`);
    expect(asked).toEqual([]);

    await section.getByRole("button", { name: "Check the signing keys" }).click();
    await expect(section.locator("[role=status]")).toContainText("The key set is empty");
    await expect(section.locator("[role=status]")).toContainText("HS256");
    expect(asked).toEqual(["/application/o/headscale/jwks/"]);

    keys = '{"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "k1", "n": "AQAB", "e": "AQAB"}]}';
    await section.getByRole("button", { name: "Check the signing keys" }).click();
    await expect(section.locator("[role=status]")).toContainText("holds 1 key (RS256)");

    // A wrong slug: the browser sees no answer it may read, and says so.
    await page.getByLabel("Application slug").fill("wrong");
    await section.getByRole("button", { name: "Check the signing keys" }).click();
    await expect(section.locator("[role=status]")).toContainText("The browser could not read an answer");
    expect(asked).toEqual(["/application/o/headscale/jwks/", "/application/o/headscale/jwks/", "/application/o/wrong/jwks/"]);
  });
});
