'use client'

import { createContext, useContext } from 'react'

import { stringsFor, translator, type Translate } from '../strings'

const TranslateContext = createContext<Translate>(translator(stringsFor('en-GB')))

export const TranslateProvider = TranslateContext.Provider

/** The current language's translator: every word a component shows comes through it. */
export const useT = () => useContext(TranslateContext)
