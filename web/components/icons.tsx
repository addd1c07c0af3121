/** Small inline icons (no icon font, no emoji: both depend on fonts a machine may lack). */
const common = {
  width: 18,
  height: 18,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: false,
} as const;

export const GlobeIcon = () => (
  <svg aria-hidden="true" {...common}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
  </svg>
);

export const CalendarIcon = () => (
  <svg aria-hidden="true" {...common}>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4" />
  </svg>
);

export const MenuIcon = () => (
  <svg aria-hidden="true" {...common}>
    <path d="M4 6h16M4 12h16M4 18h16" />
  </svg>
);

export const ChevronDownIcon = () => (
  <svg aria-hidden="true" {...common} width={16} height={16}>
    <path d="M6 9l6 6 6-6" />
  </svg>
);

export const CloseIcon = () => (
  <svg aria-hidden="true" {...common} width={16} height={16}>
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);
