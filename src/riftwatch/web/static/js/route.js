// Views live in the URL hash, "#/events?actor=RUS&event=ab12": every state can be linked to,
// and Back returns to the last one.

/** The view name and its parameters from the current hash. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [name, query = ""] = hash.split("?", 2);
  return { name: name || "events", params: new URLSearchParams(query) };
}

/** The hash link of a view with `params` (an object or URLSearchParams; empty values dropped). */
export function hrefTo(name, params = {}) {
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return `#/${name}${text ? `?${text}` : ""}`;
}

/** Go to a view. */
export function navigate(name, params = {}) {
  location.hash = hrefTo(name, params);
}

/** The values of a form's named fields (checkboxes as "true" or nothing). */
export function formParams(form) {
  const params = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") params[el.name] = el.checked ? "true" : "";
    else params[el.name] = el.value.trim();
  }
  return params;
}

/** Put `params` into a form's named fields. */
export function setForm(form, params, defaults = {}) {
  for (const el of form.elements) {
    if (!el.name) continue;
    const value = params.get(el.name) ?? defaults[el.name] ?? "";
    if (el.type === "checkbox") el.checked = value === "true";
    else el.value = value;
  }
}

/**
 * Guard against answers arriving out of order: `begin()` returns a check that stays true only
 * until the next `begin()`.
 */
export function latest() {
  let serial = 0;
  return {
    begin() {
      const mine = ++serial;
      return () => mine === serial;
    },
  };
}
