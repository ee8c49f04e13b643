/* ordering: a list put in order with "Move up" / "Move down" buttons; the response is the bank indices
   in the learner's order. */
defineType("ordering", {
  grade: function (key, response) {
    if (!isPermutation(response, key.items)) return UNANSWERED;
    var hits = 0;
    response.forEach(function (item, i) { if (item === i) hits += 1; });
    return result(true, hits === key.items, hits / key.items);
  },
  valid: function (key, response) {
    return response === null || isPermutation(response, key.items);
  },
  read: function (el) {
    return all(el, ".coursekit-order > li").map(function (li) { return Number(li.getAttribute("data-item")); });
  },
  write: function (el, response) {
    var list = el.querySelector(".coursekit-order");
    var wanted = response || list.getAttribute("data-start").split(",").map(Number);
    wanted.forEach(function (item) { list.appendChild(list.querySelector('li[data-item="' + item + '"]')); });
  },
  setUp: function (q) {
    var list = q.el.querySelector(".coursekit-order");
    var status = element("p", "coursekit-order-status");
    status.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(status, list.nextSibling);
    all(list, "li").forEach(function (li) {
      var text = li.textContent.replace(SPACES, " ").trim();
      [["up", -1], ["down", 1]].forEach(function (way) {
        var button = element("button", "coursekit-move-" + way[0], say("move_" + way[0], {}));
        button.type = "button";
        button.setAttribute("aria-label", say("move_" + way[0] + "_named", { item: text }));
        button.addEventListener("click", function () {
          var items = all(list, ":scope > li");
          var to = items.indexOf(li) + way[1];
          if (to < 0 || to >= items.length) return;
          list.insertBefore(li, way[1] < 0 ? items[to] : items[to].nextSibling);
          button.focus();
          status.textContent = say("moved", { item: text, position: to + 1, total: items.length });
        });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(button);
      });
    });
  }
});

function isPermutation(response, count) {
  if (!Array.isArray(response) || response.length !== count) return false;
  var seen = {};
  return response.every(function (item) {
    if (!isIndex(item, count) || seen[item]) return false;
    seen[item] = true;
    return true;
  });
}
