// The search page: fills the results of the plain search form (hooks/search.py writes it)
// with Pagefind, in the page's language only. Loaded on the search page alone; Pagefind's
// own script and index are fetched only when someone searches. Without JavaScript the form
// reloads the page and the A-Z lists below it lead to every page.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.guide-search");
  var status = document.getElementById("guide-search-status");
  var results = document.getElementById("guide-search-results");
  if (!script || !form || !status || !results) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var list = results.querySelector("ol");
  var bundle = new URL(script.getAttribute("data-pagefind"), location.href).href;
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");
  var MAX_RESULTS = 20;
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle).then(function (module) {
        // Result addresses start at the site's root, which may be a folder on its host.
        var root = new URL("../", bundle).pathname;
        return module.options({ baseUrl: root, excerptLength: 24 }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  // "3 results" in the page's language: the message for CLDR's plural category of the number.
  function countText(count) {
    var message = status.getAttribute("data-count-" + plural.select(count)) || status.getAttribute("data-count-other");
    // Latin digits in every language, as on the pages (macros/formatting.py).
    return message.replace("{number}", count.toLocaleString((document.documentElement.lang || "en") + "-u-nu-latn"));
  }

  // Pagefind's excerpt is HTML with <mark> around the words found: keep only text and <mark>,
  // without the marks the index put after joined و and Ethiopic punctuation (search_words.py).
  function excerpt(html) {
    var paragraph = document.createElement("p");
    html = html.replace(/(\u0648|[\u1361-\u1368])_/g, "$1");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function show(items) {
    list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = (item.meta && item.meta.title) || item.url;
      li.appendChild(link);
      li.appendChild(excerpt(item.excerpt || ""));
      list.appendChild(li);
    });
    results.hidden = items.length === 0;
  }

  // The reader's words split as the index was (macros/search_words.py): Ethiopic word spaces
  // and punctuation between words, and the conjunction و joined to the next word.
  var ETHIOPIC_PUNCTUATION = /[\u1361-\u1368]/g;
  var JOINED_AND = /(^|[^\u0620-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f\u064b-\u065f\u0670])\u0648(?=[\u0620-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f]{2})/g;

  function searchWords(query) {
    return query.replace(ETHIOPIC_PUNCTUATION, " ").replace(JOINED_AND, "$1\u0648 ");
  }

  function run(query) {
    var search = ++latest;
    query = searchWords(query).trim();
    if (!query) {
      show([]);
      status.textContent = "";
      return;
    }
    status.textContent = status.getAttribute("data-searching");
    load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (found) {
        return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (result) {
          return result.data();
        })).then(function (items) {
          return { total: found.results.length, items: items };
        });
      })
      .then(function (answer) {
        if (search !== latest) {
          return;
        }
        show(answer.items);
        status.textContent = answer.total ? countText(answer.total) : status.getAttribute("data-none");
      })
      .catch(function () {
        if (search === latest) {
          show([]);
          status.textContent = status.getAttribute("data-error");
        }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });

  // A search page opened with ?q=word (from the form without JavaScript, or a bookmark).
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
