import { classNames } from './class-names'

const TABLE_HEADER_CELL = 'px-6 py-3 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase'

export type TableHeaderProps = {
  columns: readonly string[]
  /** A last, visually empty column for row buttons, named for screen readers. */
  withActions?: boolean
  /** Extra classes for the <thead>, e.g. to hide it visually where rows become cards. */
  className?: string
}

/** The header row every data table in the product shares. */
export function TableHeader({ columns, withActions = false, className }: TableHeaderProps) {
  return (
    // Explicit roles keep the semantics where a stylesheet changes the table's display (see KeyTable).
    <thead role="rowgroup" className={classNames('bg-zinc-50', className)}>
      <tr role="row">
        {columns.map((column) => (
          <th key={column} scope="col" role="columnheader" className={TABLE_HEADER_CELL}>
            {column}
          </th>
        ))}
        {withActions && (
          <th scope="col" role="columnheader" className={TABLE_HEADER_CELL}>
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  )
}
