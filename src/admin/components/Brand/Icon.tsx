import React from 'react'

import './brand.scss'

export function Icon() {
  return (
    <span className="cdm-icon" role="img" aria-label="CDM Studio">
      C
    </span>
  )
}
