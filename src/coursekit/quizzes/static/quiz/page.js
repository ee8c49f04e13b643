/* The page's building blocks, shared by the quiz, its question types, class mode and progress: DOM
   helpers, and the controls several question types share. */

function all(el, selector) {
  return Array.prototype.slice.call(el.querySelectorAll(selector));
}

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function button(className, text, action) {
  var node = element("button", className, text);
  node.type = "button";
  node.addEventListener("click", action);
  return node;
}

/* Ids and radio groups in `el` (and its own) with a suffix of their own, so copies of one quiz can share a page. */
function ownIds(el, suffix) {
  function within(selector) {
    return (el.matches(selector) ? [el] : []).concat(all(el, selector));
  }
  within("[id]").forEach(function (node) { node.id += suffix; });
  within("input[name]").forEach(function (node) { node.name += suffix; });
  ["for", "aria-labelledby", "aria-describedby", "aria-controls"].forEach(function (name) {
    within("[" + name + "]").forEach(function (node) {
      node.setAttribute(name, node.getAttribute(name).split(" ").map(function (id) {
        return id && id + suffix;
      }).join(" "));
    });
  });
}

function appendClones(target, source) {
  Array.prototype.forEach.call(source.childNodes, function (child) { target.appendChild(child.cloneNode(true)); });
}

function emptied(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/* Controls shared by several question types. */

function tickInputs(el, wanted) {
  var values = wanted.map(String);
  all(el, "input").forEach(function (i) { i.checked = values.indexOf(i.value) >= 0; });
}

function readTyped(el) {
  return el.querySelector("input[type=text]").value;
}

function writeTyped(el, response) {
  el.querySelector("input[type=text]").value = asText(response);
}

function isTextResponse(key, response) {
  return response === null || typeof response === "string";
}
