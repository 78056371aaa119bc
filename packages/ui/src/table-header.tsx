const TABLE_HEADER_CELL = 'px-6 py-3 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase'

export type TableHeaderProps = {
  columns: readonly string[]
  /** A last, visually empty column for row buttons, named for screen readers. */
  withActions?: boolean
}

/** The header row every data table in the product shares. */
export function TableHeader({ columns, withActions = false }: TableHeaderProps) {
  return (
    <thead className="bg-zinc-50">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className={TABLE_HEADER_CELL}>
            {column}
          </th>
        ))}
        {withActions && (
          <th scope="col" className={TABLE_HEADER_CELL}>
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  )
}
