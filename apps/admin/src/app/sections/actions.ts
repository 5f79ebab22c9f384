"use server";
// The sections page's actions: create or edit a section's names and slugs, and the one-step changes (move up or down,
// retire, restore, make default). The use cases check section.manage, the version and the input; each outcome comes
// back worded in the interface language, and the public site is told (every page shows the sections).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import {
  createSection,
  InvalidInputError,
  makeDefaultSection,
  moveSection,
  SectionRuleError,
  setSectionRetired,
  updateSection,
  type AdminSection,
} from "@minbar/db/editorial";
import { getDb } from "../../db.ts";
import { asActor } from "../../lib/action-result.ts";
import type { Notice } from "../../lib/outcome-notice.tsx";
import { revalidateSections } from "../../lib/revalidate-public-site.ts";
import { SECTION_FIELDS, type SectionField, type SectionValues } from "./section-fields.ts";

export type SectionFormState = {
  notice: Notice | null;
  /** The fields the server refused, for aria-invalid. */
  invalid: SectionField[];
  values: SectionValues;
  /** The section's version to send next (0 for a new section). */
  version: number;
  attempt: number;
};

export type StepState = { notice: Notice | null };

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const valuesOf = (section: AdminSection): SectionValues => ({
  nameAr: section.nameAr,
  nameRu: section.nameRu,
  nameEn: section.nameEn,
  slugAr: section.slugAr,
  slugRu: section.slugRu,
  slugEn: section.slugEn,
});

const TAKEN = "another section already has this slug";

/** Refusals of the input, field by field, so the form can say which slug is taken and which is malformed. */
async function refused<T>(run: () => Promise<T>): Promise<T | { status: "invalid"; taken: string[]; bad: string[] }> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const fields = (which: (message: string) => boolean) => [
      ...new Set(error.issues.filter((i) => which(i.message)).map((i) => String(i.path[0] ?? ""))),
    ];
    return { status: "invalid", taken: fields((m) => m === TAKEN), bad: fields((m) => m !== TAKEN) };
  }
}

export async function saveSectionAction(previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const t = await getTranslations("SectionsDesk");
  const id = Number(text(formData, "id"));
  const values = Object.fromEntries(SECTION_FIELDS.map((f) => [f, text(formData, f)])) as SectionValues;
  const attempt = previous.attempt + 1;
  const isNew = !Number.isInteger(id) || id <= 0;
  const result = await asActor((actor) =>
    refused(() =>
      isNew
        ? createSection(getDb(), actor, values)
        : updateSection(getDb(), actor, { id, expectedVersion: Number(text(formData, "version")), ...values }),
    ),
  );
  if (!result.ok) {
    const code = result.error.code;
    const message =
      code === "forbidden" || code === "signed_out" || code === "not_found" ? t(`errors.${code}`) : t("errors.invalid");
    return { ...previous, notice: { ok: false, text: message }, invalid: [], values, attempt };
  }
  const outcome = result.value;
  if (outcome.status === "invalid") {
    const name = (field: string) => fieldName(t, field);
    const parts = [
      ...outcome.taken.map((field) => t("errors.slugTaken", { field: name(field) })),
      ...outcome.bad.map((field) =>
        field.startsWith("slug")
          ? t("errors.slugShape", { field: name(field) })
          : t("errors.name", { field: name(field) }),
      ),
    ];
    const invalid = [...outcome.taken, ...outcome.bad].filter((f): f is SectionField =>
      (SECTION_FIELDS as readonly string[]).includes(f),
    );
    return { ...previous, notice: { ok: false, text: parts.join(" ") }, invalid, values, attempt };
  }
  if (outcome.status === "conflict") {
    return {
      notice: { ok: false, text: t("errors.stale") },
      invalid: [],
      values: valuesOf(outcome.current),
      version: outcome.current.version,
      attempt,
    };
  }
  await revalidateSections([outcome.section.id], { navigation: true });
  revalidatePath("/sections");
  if (isNew) {
    const blank = Object.fromEntries(SECTION_FIELDS.map((f) => [f, ""])) as SectionValues;
    return {
      notice: { ok: true, text: t("created", { name: outcome.section.nameAr }) },
      invalid: [],
      values: blank,
      version: 0,
      attempt,
    };
  }
  return {
    notice: { ok: true, text: t("saved") },
    invalid: [],
    values: valuesOf(outcome.section),
    version: outcome.section.version,
    attempt,
  };
}

type T = Awaited<ReturnType<typeof getTranslations<"SectionsDesk">>>;

function fieldName(t: T, field: string): string {
  switch (field) {
    case "nameAr":
      return t("fields.nameAr");
    case "nameRu":
      return t("fields.nameRu");
    case "nameEn":
      return t("fields.nameEn");
    case "slugAr":
      return t("fields.slugAr");
    case "slugRu":
      return t("fields.slugRu");
    default:
      return t("fields.slugEn");
  }
}

function ruleText(t: T, rule: SectionRuleError["rule"]): string {
  switch (rule) {
    case "retire_default":
      return t("errors.retire_default");
    case "default_retired":
      return t("errors.default_retired");
    case "already_default":
      return t("errors.already_default");
  }
}

function doneText(t: T, step: Step, name: string): string {
  switch (step) {
    case "up":
      return t("done.up", { name });
    case "down":
      return t("done.down", { name });
    case "retire":
      return t("done.retire", { name });
    case "restore":
      return t("done.restore", { name });
    case "default":
      return t("done.default", { name });
  }
}

const STEPS = ["up", "down", "retire", "restore", "default"] as const;
type Step = (typeof STEPS)[number];

export async function sectionStepAction(_previous: StepState, formData: FormData): Promise<StepState> {
  const t = await getTranslations("SectionsDesk");
  const stepText = text(formData, "step");
  const step = STEPS.find((s): s is Step => s === stepText);
  const id = Number(text(formData, "id"));
  const expectedVersion = Number(text(formData, "version"));
  if (!step || !Number.isInteger(id) || id <= 0 || !Number.isInteger(expectedVersion))
    return { notice: { ok: false, text: t("errors.not_found") } };
  const result = await asActor(async (actor) => {
    const input = { id, expectedVersion };
    try {
      switch (step) {
        case "up":
        case "down":
          return await moveSection(getDb(), actor, { ...input, direction: step });
        case "retire":
        case "restore":
          return await setSectionRetired(getDb(), actor, { ...input, retired: step === "retire" });
        case "default":
          return await makeDefaultSection(getDb(), actor, input);
      }
    } catch (error) {
      if (error instanceof SectionRuleError) return { status: "rule" as const, rule: error.rule };
      throw error;
    }
  });
  if (!result.ok) {
    const code = result.error.code;
    return {
      notice: {
        ok: false,
        text:
          code === "forbidden" || code === "signed_out" || code === "not_found"
            ? t(`errors.${code}`)
            : t("errors.invalid"),
      },
    };
  }
  const outcome = result.value;
  revalidatePath("/sections");
  if (outcome.status === "rule") return { notice: { ok: false, text: ruleText(t, outcome.rule) } };
  if (outcome.status === "conflict") return { notice: { ok: false, text: t("errors.stale") } };
  await revalidateSections([outcome.section.id], { navigation: true });
  return { notice: { ok: true, text: doneText(t, step, outcome.section.nameAr) } };
}
