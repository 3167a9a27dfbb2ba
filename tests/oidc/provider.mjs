// A real OpenID Connect provider (oidc-provider) for tests/oidc_test.cpp, on 127.0.0.1.
//   OIDC_PORT          port to listen on (required)
//   OIDC_REDIRECT_URI  the callback URL registered for both clients (required)
// Clients (confidential, client_secret_basic, code flow, PKCE S256 required):
//   oppenvard-rs / secret-rs   ID tokens signed RS256 with key "rs-1"
//   oppenvard-es / secret-es   ID tokens signed ES256 with key "es-1" — which the published
//                              JWKS leaves out, so those tokens carry an unknown kid.
// Any login is accepted (devInteractions); the account id is returned as the claims
// personnummer and hsa_id, and the claims go into the ID token.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const redirectUri = process.env.OIDC_REDIRECT_URI;
if (!port || !redirectUri) {
  console.error('OIDC_PORT and OIDC_REDIRECT_URI are required');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'oppenvard-rs',
      client_secret: 'secret-rs',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    {
      client_id: 'oppenvard-es',
      client_secret: 'secret-es',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: {
    keys: [
      { ...rsa, kid: 'rs-1', alg: 'RS256', use: 'sig' },
      { ...ec, kid: 'es-1', alg: 'ES256', use: 'sig' },
    ],
  },
  pkce: { required: () => true },
  conformIdTokenClaims: false,
  claims: { openid: ['sub', 'personnummer', 'hsa_id'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oppenvard-test-cookie-key-0123456789'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, personnummer: id, hsa_id: id };
      },
    };
  },
});
provider.proxy = false;

// Publish only the RSA key: tokens of oppenvard-es name a kid the JWKS does not hold.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/jwks' && ctx.body && Array.isArray(ctx.body.keys)) {
    ctx.body = { keys: ctx.body.keys.filter((k) => k.kid === 'rs-1') };
  }
});

provider.on('server_error', (ctx, error) => console.error('server_error', error));

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
