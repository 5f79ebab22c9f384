// The one inline script of our own on public pages: it shows the edition's breaking-news banner. Pages are cached
// whole, so the banner is not in them: the script asks /api/breaking/{lang} on load and every few seconds, and fills
// the hidden frame the layout renders (#breaking-news). Without JavaScript nothing shows and nothing breaks. Its text
// never varies, so the server allows it by its hash (server/security-headers.ts); a link is used only if it is a
// site path or https, as the admin stored it.
export const BREAKING_POLL_MS = 3_000;

export const BREAKING_BANNER_SCRIPT = `(function(){var d=document,f=d.getElementById("breaking-news");if(!f||!window.fetch)return;var s=f.querySelector("section"),a=f.querySelector("a"),l=d.documentElement.lang,k="";function p(){fetch("/api/breaking/"+l,{cache:"no-cache"}).then(function(r){return r.ok?r.json():null}).then(function(j){var b=j&&j.banner,ok=b&&typeof b.text=="string"&&typeof b.link=="string"&&(/^\\/(?!\\/)/.test(b.link)||/^https:\\/\\//.test(b.link)),n=ok?b.text+"\\n"+b.link:"";if(n===k)return;k=n;if(ok){a.textContent=b.text;a.href=b.link;s.hidden=false}else{s.hidden=true;a.textContent="";a.removeAttribute("href")}}).catch(function(){})}p();setInterval(p,${BREAKING_POLL_MS})})();`;
