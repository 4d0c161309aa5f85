/**
 * The explorer page's script: GraphiQL from npm, bundled by bundle.js at
 * build time and served by the gateway outside production, so nothing is
 * fetched from elsewhere. A `?token=` in the address fills the headers of
 * every saved tab, then leaves the address bar.
 */
import { setNonce } from 'get-nonce';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { todayInLondon, walkTabs } from './walk';

// The page's CSP nonce, for the style elements GraphiQL's menus add (react-style-singleton asks get-nonce).
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
if (nonce) setNonce(nonce);

const endpoint = new URL('/graphql', window.location.href).toString();

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

function tokenFromAddress(): string | undefined {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token')?.trim();
  if (!token) return undefined;
  // Out of the address bar, history and bookmarks.
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.toString());
  return token;
}

const token = tokenFromAddress();
const headers = JSON.stringify(token ? { authorization: `Bearer ${token}` } : {}, null, 2);

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={walkTabs(todayInLondon(), headers)}
    defaultHeaders={headers}
    headers={token ? headers : undefined}
    defaultEditorToolsVisibility={token ? 'variables' : 'headers'}
    shouldPersistHeaders={false}
  />,
);
