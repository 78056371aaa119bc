import { useId, type InputHTMLAttributes, type Ref } from 'react'
import { ErrorMessage } from './error-message'

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string
  /** Shown under the field, which is then marked invalid. */
  error?: string | null
  ref?: Ref<HTMLInputElement>
}

/** A labelled input with its validation message wired up for assistive technology. */
export function TextField({ label, error, ref, className, ...inputProps }: TextFieldProps) {
  const inputId = useId()
  const errorId = useId()
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-2 block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-red-400"
        {...inputProps}
      />
      {error && (
        <ErrorMessage id={errorId} className="mt-2">
          {error}
        </ErrorMessage>
      )}
    </div>
  )
}
