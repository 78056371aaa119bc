import type { SVGProps } from 'react'

// Decorative 20x20 outline icons; the text next to them carries the meaning.
type IconProps = SVGProps<SVGSVGElement>

function Icon({ children, className = 'size-5', ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
      {...props}
    >
      {children}
    </svg>
  )
}

export function KeyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="7" cy="13" r="3.5" />
      <path d="M9.5 10.5 16.5 3.5M14 6l2 2M12 8l1.5 1.5" />
    </Icon>
  )
}

export function CopyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="7" y="7" width="10" height="10" rx="2" />
      <path d="M13 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2" />
    </Icon>
  )
}

export function CheckIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m4.5 10.5 3.5 3.5 7.5-8" />
    </Icon>
  )
}

export function AlertCircleIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 6.5v4M10 13.5h.01" />
    </Icon>
  )
}

export function WarningIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8.7 3.5 2.4 14.5a1.5 1.5 0 0 0 1.3 2.25h12.6a1.5 1.5 0 0 0 1.3-2.25L11.3 3.5a1.5 1.5 0 0 0-2.6 0Z" />
      <path d="M10 8v3.5M10 14h.01" />
    </Icon>
  )
}

export function SparklesIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 3.5 9.3 7a2 2 0 0 0 1.2 1.2L14 9.5l-3.5 1.3a2 2 0 0 0-1.2 1.2L8 15.5 6.7 12a2 2 0 0 0-1.2-1.2L2 9.5 5.5 8.2A2 2 0 0 0 6.7 7L8 3.5ZM15 2.5v3M13.5 4h3" />
    </Icon>
  )
}
