/** A wheel with spokes, drawn inline: no image request, nothing for the CSP to allow. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="16" cy="16" r="3" fill="currentColor" />
      <path
        d="M16 3v10M16 19v10M3 16h10M19 16h10M6.8 6.8l7 7M18.2 18.2l7 7M25.2 6.8l-7 7M13.8 18.2l-7 7"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
