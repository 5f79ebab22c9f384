// The permissions of a role, grouped by area of work, each with one line saying what it lets a person do.
import { useTranslations } from "next-intl";
import { PERMISSION_AREAS } from "./permission-areas.ts";

type Props = { idPrefix: string; legend: string; checked: readonly string[]; error?: string | null };

export function PermissionPicker({ idPrefix, legend, checked, error }: Props) {
  const tArea = useTranslations("PermissionAreas");
  const tName = useTranslations("PermissionNames");
  const tHint = useTranslations("PermissionHints");
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-4 md:grid-cols-2">
        {PERMISSION_AREAS.map(({ area, permissions }) => (
          <fieldset key={area} className="rounded border border-gray-200 p-3" data-area={area}>
            <legend className="px-1 text-sm font-semibold">{tArea(area)}</legend>
            <ul className="space-y-2">
              {permissions.map((permission) => {
                const id = `${idPrefix}-${permission.replace(".", "-")}`;
                return (
                  <li key={permission} className="flex items-start gap-2 text-sm">
                    <input
                      id={id}
                      type="checkbox"
                      name="permissions"
                      value={permission}
                      defaultChecked={checked.includes(permission)}
                      aria-describedby={`${id}-hint`}
                      className="mt-1 size-4"
                    />
                    <span>
                      <label htmlFor={id} className="block font-medium">
                        {tName(permission)}
                      </label>
                      <span id={`${id}-hint`} className="block text-xs text-gray-600">
                        {tHint(permission)}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
      {error ? <span className="mt-1 block text-sm text-red-700">{error}</span> : null}
    </fieldset>
  );
}
