// A group of checkboxes sharing one form field name (roles to assign, permissions to grant), with the group's
// error under it when the server refused the choice.
export type CheckboxOption = { key: string; label: string };

type Props = {
  name: string;
  legend: string;
  options: readonly CheckboxOption[];
  checked: readonly string[];
  error?: string | null;
  small?: boolean;
};

export function CheckboxGroup({ name, legend, options, checked, error, small = false }: Props) {
  return (
    <fieldset>
      <legend className={small ? "sr-only" : "mb-1 text-sm font-medium"}>{legend}</legend>
      <div
        className={
          small ? "flex flex-wrap gap-x-3 gap-y-1 text-xs" : "grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3"
        }
      >
        {options.map((option) => (
          <label key={option.key} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={option.key} defaultChecked={checked.includes(option.key)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? <span className="mt-1 block text-sm text-red-700">{error}</span> : null}
    </fieldset>
  );
}
