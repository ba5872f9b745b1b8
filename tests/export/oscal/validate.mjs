// validate.mjs — checks an OSCAL export of ISMS Gap: the SSP, the profile it
// imports and the catalog the profile imports, against NIST's OSCAL 1.1.2
// JSON Schemas, then the references between and within them.
//
// Copyright 2026 The ISMS Gap authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node validate.mjs SCHEMA_DIR SSP.json
// Exit 0 when everything holds, 1 with one line per problem on stderr,
// 2 on bad usage. Prints a one-line JSON summary on stdout when valid.

import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

if (process.argv.length !== 4) {
  console.error("usage: node validate.mjs SCHEMA_DIR SSP.json");
  process.exit(2);
}

const [schemaDir, sspPath] = process.argv.slice(2);
const problems = [];
const problem = (message) => problems.push(message);

// ajv 8 runs patterns with the "u" flag, which NIST's \p{L} patterns need.
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

function validator(name) {
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  return ajv.compile(schema);
}

const validators = {
  ssp: validator("oscal_ssp_schema.json"),
  profile: validator("oscal_profile_schema.json"),
  catalog: validator("oscal_catalog_schema.json"),
};

function load(path, what) {
  if (!existsSync(path)) {
    problem(`${what}: ${path} does not exist`);
    return null;
  }
  let document;
  try {
    document = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    problem(`${what}: ${path} is not JSON: ${e.message}`);
    return null;
  }
  const validate = validators[what];
  if (!validate(document)) {
    for (const e of validate.errors.slice(0, 20))
      problem(`${what}: schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
  return document;
}

// A relative href between sibling files, as the export writes it.
function resolve(fromPath, href, what) {
  if (typeof href !== "string" || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) {
    problem(`${what}: href ${JSON.stringify(href)} is not a relative reference`);
    return null;
  }
  return join(dirname(fromPath), decodeURIComponent(href));
}

// Every value of a "uuid" key defines an identifier: unique per file.
function checkUniqueUuids(document, what) {
  const seen = new Set();
  let count = 0;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "uuid") {
        count++;
        if (seen.has(value)) problem(`${what}: uuid ${value} is defined twice`);
        seen.add(value);
      } else walk(value);
    }
  };
  walk(document);
  return count;
}

// The control IDs of a catalog; group and control IDs share one space.
function catalogIds(catalog) {
  const ids = new Set();
  const controls = new Set();
  const walk = (node) => {
    for (const group of node.groups ?? []) {
      if (group.id !== undefined) {
        if (ids.has(group.id)) problem(`catalog: id ${group.id} is defined twice`);
        ids.add(group.id);
      }
      walk(group);
    }
    for (const control of node.controls ?? []) {
      if (ids.has(control.id)) problem(`catalog: id ${control.id} is defined twice`);
      ids.add(control.id);
      controls.add(control.id);
      walk(control);
    }
  };
  walk(catalog);
  return controls;
}

const ssp = load(sspPath, "ssp");
let summary = null;

if (ssp !== null && ssp["system-security-plan"] !== undefined) {
  const plan = ssp["system-security-plan"];
  const profilePath = resolve(sspPath, plan["import-profile"]?.href, "ssp import-profile");
  const profileDocument = profilePath && load(profilePath, "profile");
  let catalogDocument = null;
  let selected = null;

  if (profileDocument?.profile) {
    const imports = profileDocument.profile.imports ?? [];
    if (imports.length !== 1) problem(`profile: expected one import, found ${imports.length}`);
    const catalogPath = imports[0] && resolve(profilePath, imports[0].href, "profile import");
    catalogDocument = catalogPath && load(catalogPath, "catalog");
    if (catalogDocument?.catalog) {
      const ids = catalogIds(catalogDocument.catalog);
      if (imports[0]["include-all"] !== undefined) selected = ids;
      else {
        selected = new Set();
        for (const include of imports[0]["include-controls"] ?? [])
          for (const id of include["with-ids"] ?? []) {
            if (!ids.has(id)) problem(`profile: includes ${id}, which the catalog lacks`);
            selected.add(id);
          }
      }
      checkUniqueUuids(catalogDocument, "catalog");
    }
    checkUniqueUuids(profileDocument, "profile");
  }

  // References inside the SSP.
  const metadata = plan.metadata ?? {};
  const implementation = plan["system-implementation"] ?? {};
  const parties = new Set((metadata.parties ?? []).map((p) => p.uuid));
  const roles = new Set((metadata.roles ?? []).map((r) => r.id));
  const components = new Set((implementation.components ?? []).map((c) => c.uuid));
  const leveraged = new Set((implementation["leveraged-authorizations"] ?? []).map((l) => l.uuid));
  let leveragedReferences = 0;
  let inherited = 0;

  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`));
    if (node === null || typeof node !== "object") return;
    if (node.name === "leveraged-authorization-uuid" && node.ns === undefined) {
      leveragedReferences++;
      if (!leveraged.has(node.value))
        problem(`ssp: ${path} names leveraged authorization ${node.value}, which is not there`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "component-uuid" && !components.has(value))
        problem(`ssp: ${path} names component ${value}, which is not there`);
      if (key === "party-uuid" && !parties.has(value))
        problem(`ssp: ${path} names party ${value}, which is not there`);
      if (key === "party-uuids")
        for (const uuid of value)
          if (!parties.has(uuid)) problem(`ssp: ${path} names party ${uuid}, which is not there`);
      if (key === "role-id" && !roles.has(value))
        problem(`ssp: ${path} names role ${value}, which is not defined`);
      if (key === "role-ids")
        for (const id of value)
          if (!roles.has(id)) problem(`ssp: ${path} names role ${id}, which is not defined`);
      if (key === "inherited") inherited += value.length;
      walk(value, `${path}/${key}`);
    }
  };
  walk(plan, "");

  const requirements = plan["control-implementation"]?.["implemented-requirements"] ?? [];
  const controlIds = new Set();
  for (const requirement of requirements) {
    if (controlIds.has(requirement["control-id"]))
      problem(`ssp: control ${requirement["control-id"]} has two implemented requirements`);
    controlIds.add(requirement["control-id"]);
    if (selected !== null && !selected.has(requirement["control-id"]))
      problem(`ssp: control ${requirement["control-id"]} is not in the imported profile`);
  }

  const thisSystem = (implementation.components ?? []).filter((c) => c.type === "this-system");
  if (thisSystem.length !== 1)
    problem(`ssp: expected one this-system component, found ${thisSystem.length}`);

  summary = {
    requirements: requirements.length,
    catalogControls: selected ? selected.size : 0,
    components: components.size,
    leveragedAuthorizations: leveraged.size,
    leveragedReferences,
    inherited,
    uuids: checkUniqueUuids(ssp, "ssp"),
  };
} else if (ssp !== null) {
  problem("ssp: no system-security-plan");
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(JSON.stringify(summary));
