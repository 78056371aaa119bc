import { classNames } from './class-names'

const TABLE_HEADER_CELL = 'py-3 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase'
const CELL_PADDING = { regular: 'px-6', compact: 'px-3 first:pl-6 last:pr-6' } as const

export type TableHeaderProps = {
  columns: readonly string[]
  /** A last, visually empty column for row buttons, named for screen readers. */
  withActions?: boolean
  /** Extra classes for the <thead>, e.g. to hide it visually where rows become cards. */
  className?: string
  /** `compact` pads columns less between them (the outer edges keep the section's 24 px), for wide tables. */
  density?: keyof typeof CELL_PADDING
}

/** The header row every data table in the product shares. */
export function TableHeader({ columns, withActions = false, className, density = 'regular' }: TableHeaderProps) {
  const cellClassName = classNames(TABLE_HEADER_CELL, CELL_PADDING[density])
  return (
    // Explicit roles keep the semantics where a stylesheet changes the table's display (see KeyTable).
    <thead role="rowgroup" className={classNames('bg-zinc-50', className)}>
      <tr role="row">
        {columns.map((column) => (
          <th key={column} scope="col" role="columnheader" className={cellClassName}>
            {column}
          </th>
        ))}
        {withActions && (
          <th scope="col" role="columnheader" className={cellClassName}>
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  )
}
