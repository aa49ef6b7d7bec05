// Marquee demo page: fetches a feed, shows it as cards, sends click+view events on "watch".
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let lastWatchAt = null;
  let pendingOffset = null;

  // API token: `marquee demo` puts it in the page for browsers on the same machine (window.MARQUEE_TOKEN);
  // under `marquee serve` the page has none, so on the first 401 the UI asks for it once per tab.
  function token() {
    return window.MARQUEE_TOKEN || sessionStorage.getItem('marquee-token') || '';
  }

  async function api(url, options) {
    const opts = Object.assign({}, options || {});
    const send = () => {
      const headers = Object.assign({}, opts.headers || {});
      if (token()) headers.Authorization = 'Bearer ' + token();
      return fetch(url, Object.assign({}, opts, { headers }));
    };
    let res = await send();
    if (res.status === 401) {
      const typed = window.prompt('This server needs its API token (printed by `marquee serve`, or in DATA/api-token):');
      if (typed) {
        sessionStorage.setItem('marquee-token', typed.trim());
        res = await send();
      }
    }
    return res;
  }

  function hue(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    return h % 360;
  }

  function thumb(item) {
    const h = hue(item.category || '');
    const h2 = hue(item.creatorId || '');
    const d = document.createElement('div');
    d.className = 'thumb';
    d.style.background = `linear-gradient(135deg, hsl(${h},55%,35%), hsl(${h2},60%,22%))`;
    d.textContent = item.category || '';
    return d;
  }

  function explainText(item) {
    const parts = [];
    if (item.heads) parts.push('heads ' + JSON.stringify(item.heads));
    if (item.stageScores) parts.push('stages ' + JSON.stringify(item.stageScores));
    if (item.decisions && item.decisions.length) parts.push('policy ' + item.decisions.join('; '));
    if (item.features) parts.push('features ' + JSON.stringify(item.features));
    return parts.join('\n');
  }

  function render(feed) {
    const root = $('feed');
    root.innerHTML = '';
    feed.items.forEach((item) => {
      const card = document.createElement('article');
      card.className = 'card';
      card.dataset.videoId = item.videoId;
      card.appendChild(thumb(item));
      const body = document.createElement('div');
      body.className = 'body';
      const title = document.createElement('div');
      title.className = 'title';
      title.textContent = item.title;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = `#${item.position + 1} · ${item.creatorId} · ${item.category} · score ${Number(item.score).toFixed(4)}`;
      const sources = document.createElement('div');
      sources.className = 'sources';
      (item.sources || []).forEach((s) => {
        const tag = document.createElement('span');
        tag.textContent = s;
        sources.appendChild(tag);
      });
      body.append(title, meta, sources);
      if ($('explain').checked) {
        const ex = document.createElement('div');
        ex.className = 'explain';
        ex.textContent = explainText(item);
        body.appendChild(ex);
      }
      const actions = document.createElement('div');
      actions.className = 'actions';
      const watch = document.createElement('button');
      watch.className = 'watch';
      watch.textContent = 'watch';
      watch.addEventListener('click', () => watchVideo(feed, item, card));
      actions.appendChild(watch);
      body.appendChild(actions);
      card.appendChild(body);
      root.appendChild(card);
    });
    $('model-version').textContent = feed.modelVersion || '–';
    $('server-latency').textContent = feed.timingsMs && feed.timingsMs.total !== undefined ? feed.timingsMs.total.toFixed(2) : '–';
  }

  async function loadFeed() {
    const user = $('user-id').value.trim();
    if (!user) { $('message').textContent = 'Type a user id or pick a random user.'; return; }
    const t0 = performance.now();
    // read-your-writes: after a watch, the server waits until our events are applied (minOffset)
    const wait = pendingOffset !== null ? `&minOffset=${pendingOffset}` : '';
    pendingOffset = null;
    const res = await api(`/v1/feed/${encodeURIComponent(user)}?limit=20&explain=${$('explain').checked}${wait}`);
    const t1 = performance.now();
    if (!res.ok) { $('message').textContent = `feed failed: ${res.status} ${await res.text()}`; return; }
    const feed = await res.json();
    $('feed-latency').textContent = (t1 - t0).toFixed(1);
    if (lastWatchAt !== null) {
      $('freshness').textContent = (t1 - lastWatchAt).toFixed(1);
      lastWatchAt = null;
    }
    $('message').textContent = `${feed.items.length} videos for ${feed.userId} (request ${feed.requestId})`;
    render(feed);
    document.body.dataset.feedRequest = feed.requestId;
  }

  async function watchVideo(feed, item, card) {
    const now = new Date().toISOString();
    const id = `${feed.requestId}-${item.videoId}-${Date.now()}`;
    const events = [
      { eventId: `${id}-c`, type: 'click', userId: feed.userId, videoId: item.videoId, requestId: feed.requestId, timestamp: now },
      { eventId: `${id}-v`, type: 'view', userId: feed.userId, videoId: item.videoId, requestId: feed.requestId, watchSeconds: 240, timestamp: now },
    ];
    const headers = { 'Content-Type': 'application/json' };
    const res = await api('/v1/events', { method: 'POST', headers, body: JSON.stringify(events) });
    if (res.status !== 202) { $('message').textContent = `events rejected: ${res.status} ${await res.text()}`; return; }
    const ack = await res.json();
    if (typeof ack.offset === 'number' && ack.offset >= 0) pendingOffset = ack.offset;
    card.classList.add('watched');
    lastWatchAt = performance.now();
    await loadFeed();
  }

  async function refreshStatus() {
    try {
      const res = await fetch('/v1/status');
      if (!res.ok) return;
      const s = await res.json();
      if (s.feedP99Ms !== undefined) $('server-p99').textContent = Number(s.feedP99Ms).toFixed(2);
      if (s.modelVersion) $('model-version').textContent = s.modelVersion;
    } catch (e) { /* server restarting: keep the last figures */ }
  }

  async function randomUser() {
    const res = await api('/v1/users/sample?n=1');
    if (!res.ok) { $('message').textContent = 'no users yet'; return; }
    const users = await res.json();
    if (users.length) { $('user-id').value = users[0]; await loadFeed(); }
  }

  $('user-form').addEventListener('submit', (e) => { e.preventDefault(); loadFeed(); });
  $('random-user').addEventListener('click', randomUser);
  $('explain').addEventListener('change', loadFeed);
  refreshStatus();
  setInterval(refreshStatus, 3000);
})();
